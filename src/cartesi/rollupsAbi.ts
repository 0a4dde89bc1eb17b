/**
 * @module
 * The Cartesi Rollups v2 encodings of inputs and outputs (contracts 2.2.0: Inputs.sol,
 * Outputs.sol), as viem ABIs. A test checks them against the package's own artifacts.
 */
import { parseAbi } from 'viem'

/** `EvmAdvance(...)`: how the InputBox encodes an input for the machine. */
export const inputsAbi = parseAbi([
  'function EvmAdvance(uint256 chainId, address appContract, address msgSender, uint256 blockNumber, uint256 blockTimestamp, uint256 prevRandao, uint256 index, bytes payload)',
])

/** `Notice(bytes)`, `Voucher(address,uint256,bytes)`, `DelegateCallVoucher(address,bytes)`. */
export const outputsAbi = parseAbi([
  'function Notice(bytes payload)',
  'function Voucher(address destination, uint256 value, bytes payload)',
  'function DelegateCallVoucher(address destination, bytes payload)',
])

/** What a client calls on the InputBox, and the event it logs. */
export const inputBoxAbi = parseAbi([
  'function addInput(address appContract, bytes payload) returns (bytes32)',
  'event InputAdded(address indexed appContract, uint256 indexed index, bytes input)',
])

/** What a client calls on an Application: validate a notice, execute a voucher. */
export const applicationAbi = parseAbi([
  'struct OutputValidityProof { uint64 outputIndex; bytes32[] outputHashesSiblings; }',
  'function validateOutput(bytes output, OutputValidityProof proof) view',
  'function executeOutput(bytes output, OutputValidityProof proof)',
  'function wasOutputExecuted(uint256 outputIndex) view returns (bool)',
])
