/**
 * @module
 * The @cartesi/rollups 2.2.0 contracts the dev node deploys, read from the package's own
 * Foundry artifacts (ABI and bytecode), never rebuilt.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Abi, Hex } from 'viem'

const require = createRequire(import.meta.url)

/** A contract's ABI, creation bytecode and runtime bytecode. */
export type Artifact = { abi: Abi; bytecode: Hex; deployedBytecode: Hex }

/** The contracts the dev node reads from the package. */
export type RollupsContractName =
  | 'InputBox'
  | 'Authority'
  | 'Application'
  | 'DataAvailability'
  | 'EtherPortal'
  | 'ERC20Portal'
  | 'ERC721Portal'
  | 'ERC1155SinglePortal'
  | 'ERC1155BatchPortal'
  | 'AuthorityFactory'
  | 'QuorumFactory'
  | 'ApplicationFactory'
  | 'SelfHostedApplicationFactory'
  | 'SafeERC20Transfer'

/** Reads `out/<Name>.sol/<Name>.json` of @cartesi/rollups. */
export function rollupsArtifact(name: RollupsContractName): Artifact {
  const json = JSON.parse(readFileSync(require.resolve(`@cartesi/rollups/out/${name}.sol/${name}.json`), 'utf8')) as {
    abi: Abi
    bytecode: { object: Hex }
    deployedBytecode: { object: Hex }
  }
  return { abi: json.abi, bytecode: json.bytecode.object, deployedBytecode: json.deployedBytecode.object }
}
