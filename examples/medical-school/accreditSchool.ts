/**
 * Publishes the school's key to the Cartesi verifier: the licensing authority (a root authority
 * of the verifier) accredits the school's DID and BBS key for medical licences, in an input
 * that anyone can read on L1.
 */
import type { KeyPair } from 'medcred'
import { type InputOutcome, issuerKeyOf } from 'medcred/cartesi'
import type { Address } from 'viem'
import type { Devnode } from '../../verifier/src/devnode/startDevnode.js'

export type AccreditSchoolParameters = {
  node: Devnode
  school: KeyPair
  /** The school's account on the chain: it may later rotate keys and revoke licences. */
  controller: Address
}

/** Sends `accreditIssuer` from the dev node's root authority and waits for the verifier's answer. */
export async function accreditSchool({ node, school, controller }: AccreditSchoolParameters): Promise<InputOutcome> {
  const authority = node.chain.accounts.find((account) => node.rootAuthorities.includes(account.address))
  if (!authority) throw new Error('none of the dev accounts is a root authority of this dev node')
  const client = node.client(authority)
  const { inputIndex } = await client.send({
    action: 'accreditIssuer',
    did: school.controller,
    controller,
    credentialTypes: ['MedicalLicenseCredential'],
    keys: [issuerKeyOf(school)],
    statusLists: [],
  })
  return client.waitForInput(inputIndex)
}
