/**
 * @module
 * What the verifier core takes and gives, independent of the transport that feeds it.
 */
import type { PinnedContext } from 'medcred'
import type { RollupOutput } from 'medcred/cartesi'
import type { Address, Hex } from 'viem'

/** The metadata of an advance request, as the rollup delivers it. */
export type AdvanceMetadata = {
  chainId: bigint
  appContract: Address
  msgSender: Address
  blockNumber: bigint
  /** Seconds since the epoch: the only clock the verifier reads. */
  blockTimestamp: bigint
  prevRandao: bigint
  inputIndex: bigint
}

/** An output that goes into the outputs Merkle tree and can be proven on L1. */
export type VerifierOutput = RollupOutput

/** The outcome of an advance: outputs only when accepted; reports always. */
export type AdvanceResult = {
  status: 'accept' | 'reject'
  outputs: VerifierOutput[]
  reports: Hex[]
}

/** The outcome of an inspect query: reports only, never a state change. */
export type InspectResult = { reports: Hex[] }

/** Which fields a presentation of a credential type must and must not reveal. */
export type DisclosurePolicy = {
  /** JSON pointers that must be revealed for a verdict. */
  required: readonly string[]
  /** JSON pointers that must stay hidden: inputs are public on L1. */
  forbidden: readonly string[]
}

/** The verifier's configuration, fixed when the machine is built. */
export type VerifierConfig = {
  /** Addresses allowed to accredit and withdraw issuers. */
  rootAuthorities: readonly Address[]
  /** The credential types this verifier accepts, each with its disclosure policy. */
  disclosurePolicies: Readonly<Record<string, DisclosurePolicy>>
  /** The Cartesi portals whose inputs are deposits; without them no balance can be credited. */
  portals: PortalAddresses
  /**
   * JSON-LD contexts served besides the bundled ones, each pinned by SHA-256: embedded in the
   * bundle at build time (MEDCRED_CONTEXTS), never read from a file or fetched in the machine.
   * Checked when the verifier is created.
   */
  contexts?: readonly PinnedContext[] | undefined
}

/** Where the application's deposits come from (the rollups deployment's portals). */
export type PortalAddresses = {
  etherPortal?: Address | undefined
  erc20Portal?: Address | undefined
}
