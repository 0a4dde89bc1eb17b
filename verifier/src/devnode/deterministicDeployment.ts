/**
 * @module
 * CREATE2 deployments at the addresses the Cartesi Rollups 2.x contracts have on every chain.
 * Cartesi deploys them through the deterministic deployment proxy at
 * 0x4e59b44847b379578588920cA78FbF26c0B4956C with salt 0, so an address depends only on that
 * proxy's address, the salt and the init code (the package's bytecode and constructor
 * arguments). A fresh local chain has no proxy: the dev node puts one there, with runtime code
 * written here that follows the same calling convention (calldata = salt ‖ init code; the call's
 * value goes to the new contract; it returns the 20-byte address, or reverts with the
 * constructor's revert data). The addresses come out the same as on any devnet or testnet.
 */
import { type Address, concat, getContractAddress, type Hex, zeroHash } from 'viem'
import { DevnodeDeploymentError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'

/** Where the deterministic deployment proxy lives on every chain that has it. */
export const deterministicDeploymentProxy: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C'

/**
 * The proxy's runtime code, assembled by hand:
 * ```
 * 00 PUSH1 0x20  CALLDATASIZE  SUB          size = calldatasize - 32
 * 04 DUP1  PUSH1 0x20  PUSH1 0  CALLDATACOPY memory[0, size) = calldata[32, ...)   (the init code)
 * 0a PUSH1 0  CALLDATALOAD  SWAP1           salt = calldata[0, 32)
 * 0e PUSH1 0  CALLVALUE  CREATE2            address = create2(value, 0, size, salt)
 * 12 DUP1  ISZERO  PUSH1 0x22  JUMPI        a failed constructor: revert below
 * 17 PUSH1 0x60  SHL  PUSH1 0  MSTORE  PUSH1 0x14  PUSH1 0  RETURN   return the 20 address bytes
 * 22 JUMPDEST  RETURNDATASIZE  PUSH1 0  PUSH1 0  RETURNDATACOPY  RETURNDATASIZE  PUSH1 0  REVERT
 * ```
 */
const proxyRuntimeCode: Hex = '0x6020360380602060003760003590600034f5801560225760601b60005260146000f35b3d600060003e3d6000fd'

/** The address `initCode` gets from the proxy with `salt`. */
export function deterministicAddress(initCode: Hex, salt: Hex = zeroHash): Address {
  return getContractAddress({ opcode: 'CREATE2', from: deterministicDeploymentProxy, salt, bytecode: initCode })
}

/**
 * Puts the proxy on a chain that has none (a fresh local chain).
 *
 * @returns the `hardhat_setCode` parameters it used, or `undefined` when the chain had the proxy
 *   already: a chain journal records this edit, which no block holds
 */
export async function installDeterministicDeploymentProxy(chain: LocalChain): Promise<[Address, Hex] | undefined> {
  if (await chain.publicClient.getCode({ address: deterministicDeploymentProxy })) return undefined
  const params: [Address, Hex] = [deterministicDeploymentProxy, proxyRuntimeCode]
  await chain.publicClient.request({ method: 'hardhat_setCode' as never, params: params as never })
  return params
}

/**
 * Deploys `initCode` through the proxy, unless the chain already has code at its address (an
 * earlier dev node on the same chain deployed it: the same bytes, so the same contract).
 *
 * @returns the contract's address
 * @throws {DevnodeDeploymentError} `ERR_DEVNODE_DEPLOYMENT_FAILED` when the deployment reverts or leaves no code
 */
export async function deployDeterministic(chain: LocalChain, initCode: Hex, salt: Hex = zeroHash): Promise<Address> {
  const address = deterministicAddress(initCode, salt)
  if (await chain.publicClient.getCode({ address })) return address
  const hash = await chain.walletClient().sendTransaction({ to: deterministicDeploymentProxy, data: concat([salt, initCode]) })
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success' || !(await chain.publicClient.getCode({ address }))) {
    throw new DevnodeDeploymentError({ contract: address, reason: `its deterministic deployment ${receipt.status === 'success' ? 'left no code' : 'reverted'}`, transactionHash: hash })
  }
  return address
}
