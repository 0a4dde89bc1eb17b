/**
 * @module
 * Deploys the Cartesi Rollups v2 contracts a medcred application needs on a local chain:
 * the InputBox at its canonical address, the Ether and ERC-20 portals, an Authority and the
 * Application it validates, and the ERC-1056 registry for did:ethr issuers.
 */
import { canonicalInputBox } from 'medcred/cartesi'
import { type Address, encodeFunctionData, type Hex, keccak256, stringToHex } from 'viem'
import { deployEthrDidRegistry } from './deployEthrDidRegistry.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import { rollupsArtifact } from './rollupsArtifacts.js'


/** The addresses of a deployment, as the dev node records them. */
export type RollupsDeployment = {
  inputBox: Address
  etherPortal: Address
  erc20Portal: Address
  authority: Address
  application: Address
  ethrDidRegistry: Address
  /** The Authority's epoch length, in blocks. */
  epochLength: number
  /** The block the application was deployed in: inputs are read from here on. */
  deploymentBlock: number
}

/** Parameters of {@link deployRollups}. */
export type DeployRollupsParameters = {
  chain: LocalChain
  /** Blocks per epoch. */
  epochLength: number
  /** Identifies the machine; the dev node has none, so a label's hash stands in. */
  templateHash?: Hex | undefined
}

/** Deploys everything with the chain's first account as owner and claim submitter. */
export async function deployRollups(parameters: DeployRollupsParameters): Promise<RollupsDeployment> {
  const { chain, epochLength } = parameters
  const owner = chain.accounts[0].address
  // 1. InputBox, moved to its canonical address (its only immutable is its deployment block).
  const inputBoxArtifact = rollupsArtifact('InputBox')
  const deployedInputBox = await chain.deployContract(inputBoxArtifact)
  const code = await chain.publicClient.getCode({ address: deployedInputBox })
  await chain.publicClient.request({ method: 'hardhat_setCode' as never, params: [canonicalInputBox, code] as never })
  const inputBox = canonicalInputBox
  // 2. Portals, then the Authority and the Application that trusts it.
  const etherPortal = await chain.deployContract({ ...rollupsArtifact('EtherPortal'), args: [inputBox] })
  const erc20Portal = await chain.deployContract({ ...rollupsArtifact('ERC20Portal'), args: [inputBox] })
  const authority = await chain.deployContract({ ...rollupsArtifact('Authority'), args: [owner, BigInt(epochLength)] })
  const dataAvailability = encodeFunctionData({ abi: rollupsArtifact('DataAvailability').abi, functionName: 'InputBox', args: [inputBox] })
  const templateHash = parameters.templateHash ?? keccak256(stringToHex('medcred verifier (dev node)'))
  const application = await chain.deployContract({ ...rollupsArtifact('Application'), args: [authority, owner, templateHash, dataAvailability] })
  const deploymentBlock = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }))
  // 3. The DID registry did:ethr issuers publish their BBS keys to.
  const ethrDidRegistry = await deployEthrDidRegistry(chain)
  return { inputBox, etherPortal, erc20Portal, authority, application, ethrDidRegistry, epochLength, deploymentBlock }
}
