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

// Each ABI declares its contract's custom errors, so that viem names a revert.

/** What a client calls on the InputBox, the event it logs, and its error. */
export const inputBoxAbi = parseAbi([
  'function addInput(address appContract, bytes payload) returns (bytes32)',
  'event InputAdded(address indexed appContract, uint256 indexed index, bytes input)',
  'error InputTooLarge(address appContract, uint256 inputLength, uint256 maxInputLength)',
])

/** What a client calls on an Application: validate a notice, execute a voucher; and why they revert. */
export const applicationAbi = parseAbi([
  'struct OutputValidityProof { uint64 outputIndex; bytes32[] outputHashesSiblings; }',
  'function validateOutput(bytes output, OutputValidityProof proof) view',
  'function executeOutput(bytes output, OutputValidityProof proof)',
  'function wasOutputExecuted(uint256 outputIndex) view returns (bool)',
  'error InsufficientFunds(uint256 value, uint256 balance)',
  'error InvalidOutputHashesSiblingsArrayLength()',
  'error InvalidOutputsMerkleRoot(bytes32 outputsMerkleRoot)',
  'error OutputNotExecutable(bytes output)',
  'error OutputNotReexecutable(bytes output)',
  'error ReentrancyGuardReentrantCall()',
])

/** The Cartesi Rollups 2.2 EtherPortal: sends ETH to the application and adds a deposit input. */
export const etherPortalAbi = parseAbi(['function depositEther(address appContract, bytes execLayerData) payable', 'error EtherTransferFailed()'])

/** The Cartesi Rollups 2.2 ERC20Portal: moves approved tokens to the application and adds a deposit input. */
export const erc20PortalAbi = parseAbi([
  'function depositERC20Tokens(address token, address appContract, uint256 value, bytes execLayerData)',
  'error ERC20TransferFailed()',
])
