/**
 * @module
 * Deploys the Cartesi Rollups 2.2.0 contracts on a local chain where Cartesi deploys them on
 * every chain: the InputBox, the five portals, the factories and SafeERC20Transfer through the
 * deterministic deployment proxy (salt 0), so their addresses are the ones @cartesi/viem
 * 2.0.0-alpha.29 and a devnet know, and build arguments naming them (MEDCRED_ETHER_PORTAL,
 * MEDCRED_ERC20_PORTAL) hold on both. Then an Authority and the Application it validates,
 * through SelfHostedApplicationFactory.deployContracts (what `cartesi deploy` calls), with a
 * random salt: every deployment gets an application address of its own, so a client that kept
 * an earlier dev node's address never talks to a new, empty verifier by mistake (the new node
 * answers "application not found"). Last, the ERC-1056 registry for did:ethr issuers.
 */
import { canonicalInputBox } from 'medcred/cartesi'
import { randomBytes } from 'node:crypto'
import { type Address, bytesToHex, concat, encodeAbiParameters, encodeFunctionData, type Hex, keccak256, parseEventLogs, stringToHex } from 'viem'
import { deployDeterministic, installDeterministicDeploymentProxy } from './deterministicDeployment.js'
import { deployEthrDidRegistry } from './deployEthrDidRegistry.js'
import { DevnodeDeploymentError } from './errors.js'
import type { LocalChain } from './localChain/startLocalChain.js'
import { type RollupsContractName, rollupsArtifact } from './rollupsArtifacts.js'

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
  /** The rest of the deterministic deployment (absent from a data directory of an older dev node). */
  contracts?: DeterministicContracts | undefined
  /** What the Application was deployed with. */
  templateHash?: Hex | undefined
  dataAvailability?: Hex | undefined
  /** The block the InputBox was deployed in. */
  inputBoxBlock?: number | undefined
}

/** The contracts of Cartesi Rollups 2.2.0 every chain has at the same address. */
export type DeterministicContracts = {
  inputBox: Address
  etherPortal: Address
  erc20Portal: Address
  erc721Portal: Address
  erc1155SinglePortal: Address
  erc1155BatchPortal: Address
  authorityFactory: Address
  quorumFactory: Address
  applicationFactory: Address
  selfHostedApplicationFactory: Address
  safeErc20Transfer: Address
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
  const contracts = await deployDeterministicContracts(chain)
  const { inputBox } = contracts

  // The Authority and the Application, at addresses no earlier deployment had (a random salt).
  const dataAvailability = encodeFunctionData({ abi: rollupsArtifact('DataAvailability').abi, functionName: 'InputBox', args: [inputBox] })
  const templateHash = parameters.templateHash ?? keccak256(stringToHex('medcred verifier (dev node)'))
  const factory = { address: contracts.selfHostedApplicationFactory, abi: rollupsArtifact('SelfHostedApplicationFactory').abi } as const
  const wallet = chain.walletClient(chain.accounts[0])
  for (;;) {
    const salt = bytesToHex(randomBytes(32))
    const args = [owner, BigInt(epochLength), owner, templateHash, dataAvailability, salt] as const
    const [application, authority] = (await chain.publicClient.readContract({ ...factory, functionName: 'calculateAddresses', args })) as [Address, Address]
    if (await chain.publicClient.getCode({ address: application })) continue
    const hash = await wallet.writeContract({ ...factory, functionName: 'deployContracts', args })
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new DevnodeDeploymentError({ contract: 'the Application and its Authority', reason: 'deployContracts reverted', transactionHash: hash })
    const [created] = parseEventLogs({ abi: rollupsArtifact('ApplicationFactory').abi, eventName: 'ApplicationCreated', logs: receipt.logs })
    if ((created?.args as { appContract?: Address } | undefined)?.appContract !== application) {
      throw new DevnodeDeploymentError({ contract: 'the Application and its Authority', reason: `deployContracts did not create ${application}`, transactionHash: hash })
    }
    const inputBoxBlock = await chain.publicClient.readContract({ address: inputBox, abi: rollupsArtifact('InputBox').abi, functionName: 'getDeploymentBlockNumber' })
    // The DID registry did:ethr issuers publish their BBS keys to.
    const ethrDidRegistry = await deployEthrDidRegistry(chain)
    return {
      inputBox,
      etherPortal: contracts.etherPortal,
      erc20Portal: contracts.erc20Portal,
      authority,
      application,
      ethrDidRegistry,
      epochLength,
      deploymentBlock: Number(receipt.blockNumber),
      contracts,
      templateHash,
      dataAvailability,
      inputBoxBlock: Number(inputBoxBlock),
    }
  }
}

/**
 * The Rollups 2.2.0 contracts at their deterministic addresses (deployed unless already there).
 *
 * @throws {DevnodeDeploymentError} `ERR_DEVNODE_DEPLOYMENT_FAILED` when the InputBox does not land at
 *   {@link canonicalInputBox} (the package's bytecode changed)
 */
export async function deployDeterministicContracts(chain: LocalChain): Promise<DeterministicContracts> {
  await installDeterministicDeploymentProxy(chain)
  const deploy = (name: RollupsContractName, constructor: { types: string[]; values: unknown[] } = { types: [], values: [] }) =>
    deployDeterministic(chain, concat([rollupsArtifact(name).bytecode, encodeAbiParameters(constructor.types.map((type) => ({ type })), constructor.values)]))
  const inputBox = await deploy('InputBox')
  if (inputBox !== canonicalInputBox) throw new DevnodeDeploymentError({ contract: 'the InputBox', reason: `it landed at ${inputBox}, not at ${canonicalInputBox}` })
  const onInputBox = { types: ['address'], values: [inputBox] }
  const authorityFactory = await deploy('AuthorityFactory')
  const applicationFactory = await deploy('ApplicationFactory')
  return {
    inputBox,
    etherPortal: await deploy('EtherPortal', onInputBox),
    erc20Portal: await deploy('ERC20Portal', onInputBox),
    erc721Portal: await deploy('ERC721Portal', onInputBox),
    erc1155SinglePortal: await deploy('ERC1155SinglePortal', onInputBox),
    erc1155BatchPortal: await deploy('ERC1155BatchPortal', onInputBox),
    authorityFactory,
    quorumFactory: await deploy('QuorumFactory'),
    applicationFactory,
    selfHostedApplicationFactory: await deploy('SelfHostedApplicationFactory', { types: ['address', 'address'], values: [authorityFactory, applicationFactory] }),
    safeErc20Transfer: await deploy('SafeERC20Transfer'),
  }
}
