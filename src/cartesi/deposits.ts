/**
 * @module
 * Portal deposits as the Cartesi Rollups 2.2 portals encode them (InputEncoding.sol), packed,
 * not ABI-encoded: EtherPortal `sender(20) ‖ value(32) ‖ execLayerData`, ERC20Portal
 * `token(20) ‖ sender(20) ‖ amount(32) ‖ execLayerData`.
 */
import { type Address, concat, getAddress, type Hex, hexToBigInt, numberToHex, size, slice } from 'viem'
import { encodeOrThrow } from './encodeOrThrow.js'
import { InputDecodeError } from './errors.js'

/** Ether a sender deposited through the EtherPortal. */
export type EtherDeposit = { asset: 'ether'; sender: Address; amount: bigint; execLayerData: Hex }

/** ERC-20 tokens a sender deposited through the ERC20Portal. */
export type Erc20Deposit = { asset: 'erc20'; token: Address; sender: Address; amount: bigint; execLayerData: Hex }

/**
 * Encodes an Ether deposit as the EtherPortal does (for tests and tools).
 *
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for an amount that is not a uint256.
 */
export function encodeEtherDeposit(deposit: Omit<EtherDeposit, 'asset'>): Hex {
  return encodeOrThrow('the Ether deposit', () => concat([deposit.sender, numberToHex(deposit.amount, { size: 32 }), deposit.execLayerData]))
}

/**
 * Encodes an ERC-20 deposit as the ERC20Portal does (for tests and tools).
 *
 * @throws {ProtocolEncodeError} `ERR_CARTESI_PARAMETER_INVALID` for an amount that is not a uint256.
 */
export function encodeErc20Deposit(deposit: Omit<Erc20Deposit, 'asset'>): Hex {
  return encodeOrThrow('the ERC-20 deposit', () => concat([deposit.token, deposit.sender, numberToHex(deposit.amount, { size: 32 }), deposit.execLayerData]))
}

/**
 * Reads the payload of an input whose sender is the EtherPortal.
 *
 * @throws {InputDecodeError} `ERR_CARTESI_INPUT_MALFORMED` when shorter than 52 bytes.
 */
export function decodeEtherDeposit(payload: Hex): EtherDeposit {
  requireLength(payload, 52, 'ether')
  return { asset: 'ether', sender: getAddress(slice(payload, 0, 20)), amount: hexToBigInt(slice(payload, 20, 52)), execLayerData: rest(payload, 52) }
}

/**
 * Reads the payload of an input whose sender is the ERC20Portal.
 *
 * @throws {InputDecodeError} `ERR_CARTESI_INPUT_MALFORMED` when shorter than 72 bytes.
 */
export function decodeErc20Deposit(payload: Hex): Erc20Deposit {
  requireLength(payload, 72, 'erc20')
  return {
    asset: 'erc20',
    token: getAddress(slice(payload, 0, 20)),
    sender: getAddress(slice(payload, 20, 40)),
    amount: hexToBigInt(slice(payload, 40, 72)),
    execLayerData: rest(payload, 72),
  }
}

/** The bytes after `start`; viem's `slice` refuses a start at the very end. */
function rest(payload: Hex, start: number): Hex {
  return size(payload) > start ? slice(payload, start) : '0x'
}

function requireLength(payload: Hex, minBytes: number, deposit: 'ether' | 'erc20'): void {
  if (size(payload) < minBytes) throw new InputDecodeError({ reason: 'depositTooShort', deposit, minBytes, bytes: size(payload) })
}
