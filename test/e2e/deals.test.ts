/**
 * Data deals end to end on the dev node (real Hardhat chain, real Cartesi Rollups 2.2
 * contracts): an ETH deposit through the EtherPortal, a measles deal, providers with a
 * matching credential, a non-matching one and a replayed presentation, two approvals whose
 * reward vouchers execute on L1, a third approval refused, the deal closed and the rest of
 * the budget and the free balance withdrawn by voucher; deals paid once per pseudonym (one
 * patient from three addresses paid once, two patients twice, one patient in two deals with two
 * pseudonyms); then the same through `medcred deal`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, bytesToHex, type Hex, parseEther, zeroAddress } from 'viem'
import { createMeaslesDeal, dealSubmitter, developmentAccount as extra, failure, issueBoundPatient, pseudonymSubmitter, startDealsDevnode } from '#test/dealsE2e.js'
import { runCliCaptured } from '#test/runCliCaptured.js'
import { decryptDelivery } from '../../src/deals/decryptDelivery.js'
import { generateDeliveryKeyPair } from '../../src/deals/deliveryKeys.js'
import { encryptDelivery } from '../../src/deals/encryptDelivery.js'
import { hashDelivery } from '../../src/deals/hashDelivery.js'
import { buildVerifier, machineNodeFlags } from '../../verifier/build.js'
import type { Devnode } from '../../verifier/src/devnode/startDevnode.js'

const reward = parseEther('0.1')

let node: Devnode
let credentials: Awaited<ReturnType<typeof startDealsDevnode>>['credentials']
let school: Awaited<ReturnType<typeof startDealsDevnode>>['school']
let dir: string

const clientOf = (account: Account) => node.client(account)
const balanceOf = (address: Hex) => node.chain.publicClient.getBalance({ address })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-deals-'))
  ;({ node, credentials, school } = await startDealsDevnode())
}, 120_000)
afterAll(async () => {
  await node?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('a data deal on the dev node', () => {
  it('deposit, deal, three kinds of provider, paid vouchers, a full deal, close and withdraw', async () => {
    const consumerAccount = node.chain.accounts[3]
    const consumer = clientOf(consumerAccount)
    const [providerA, providerB, nonMatching, replayer, late, executor] = [node.chain.accounts[4], node.chain.accounts[5], extra(6), extra(7), extra(8), extra(9)]
    const executorClient = clientOf(executor)

    // 1. The consumer deposits 1 ETH through the EtherPortal: the portal's input credits it.
    const deposited = await consumer.waitForInput((await consumer.depositEther(parseEther('1'))).inputIndex)
    expect(deposited.status).toBe('ACCEPTED')
    expect(deposited.reports[0]).toMatchObject({ ok: true, action: 'deposit', result: { owner: consumerAccount.address, asset: zeroAddress, balance: parseEther('1').toString() } })

    // 2. A deal: measles, dose >= 2, from the school; 2 approvals of 0.1 ETH, 0.3 ETH funded.
    const { created, keys } = await createMeaslesDeal(node, consumerAccount, { school: school.controller, maxApprovals: 2, reward, asset: zeroAddress, funding: parseEther('0.3'), sybilOpen: true })
    expect(created.status, JSON.stringify(created.reports)).toBe('ACCEPTED')
    const dealId = BigInt((created.reports[0] as { result: { dealId: string } }).result.dealId)

    // 3. Provider A: a matching presentation bound to the deal and itself, and the full record encrypted to the consumer.
    const submitFrom = dealSubmitter(node, dealId)
    const jwe = await encryptDelivery({ record: credentials.measles, consumerKey: keys.publicKey })
    const first = await submitFrom(providerA, credentials.measles, undefined, hashDelivery(jwe))
    expect(first.outcome.status, JSON.stringify(first.outcome.reports)).toBe('ACCEPTED')
    expect(first.outcome.dealApprovals).toEqual([expect.objectContaining({ dealId, provider: providerA.address, reward, deliveryHash: hashDelivery(jwe) })])

    // 4. A non-matching credential and a replay of A's presentation: rejected, with reports that say why.
    const rubella = await submitFrom(nonMatching, credentials.rubella)
    expect(rubella.outcome.status).toBe('REJECTED')
    expect(failure(rubella.outcome)).toMatchObject({ code: 'ERR_VERIFIER_DEAL_PREDICATE_FAILED', message: expect.stringMatching(/targetDisease is "rubella"; the deal asks for "measles"/) })
    const replay = await submitFrom(replayer, credentials.measles, first.presentation)
    expect(replay.outcome.status).toBe('REJECTED')
    expect(failure(replay.outcome)).toMatchObject({ code: 'ERR_VERIFY_CHALLENGE_MISMATCH' })

    // 5. Provider B: the second approval. A third valid provider finds the deal full.
    const second = await submitFrom(providerB, credentials.measles)
    expect(second.outcome.status, JSON.stringify(second.outcome.reports)).toBe('ACCEPTED')
    const third = await submitFrom(late, credentials.measles)
    expect(third.outcome.status).toBe('REJECTED')
    expect(failure(third.outcome)).toMatchObject({ code: 'ERR_VERIFIER_DEAL_FULL' })

    // 6. The reward vouchers execute on L1 (gas paid by a third account): each provider gains exactly the reward.
    for (const [provider, outcome] of [
      [providerA, first.outcome],
      [providerB, second.outcome],
    ] as const) {
      const before = await balanceOf(provider.address)
      expect(outcome.vouchers).toHaveLength(1)
      await executorClient.executeVoucher((outcome.vouchers[0] as { outputIndex: bigint }).outputIndex)
      expect((await balanceOf(provider.address)) - before).toBe(reward)
    }
    // An executed voucher cannot be executed again.
    await expect(executorClient.executeVoucher((first.outcome.vouchers[0] as { outputIndex: bigint }).outputIndex)).rejects.toThrow()

    // 7. The consumer opens A's delivery, which matches the hash the approval notice carries on chain.
    const approval = first.outcome.dealApprovals[0] as { outputIndex: bigint; deliveryHash: Hex }
    expect(await consumer.validateNotice(approval.outputIndex)).toBe(true)
    expect(await decryptDelivery({ jwe, privateKey: keys.privateKey, expectedHash: approval.deliveryHash })).toEqual(credentials.measles)

    // 8. Close: the unspent 0.1 ETH comes back by voucher; then the free 0.7 ETH is withdrawn.
    const closed = await consumer.waitForInput((await consumer.send({ action: 'closeDeal', dealId })).inputIndex)
    expect(closed.status).toBe('ACCEPTED')
    const withdrawn = await consumer.waitForInput((await consumer.send({ action: 'withdraw', asset: zeroAddress, amount: parseEther('0.7') })).inputIndex)
    expect(withdrawn.status).toBe('ACCEPTED')
    const consumerBefore = await balanceOf(consumerAccount.address)
    for (const outcome of [closed, withdrawn]) await executorClient.executeVoucher((outcome.vouchers[0] as { outputIndex: bigint }).outputIndex)
    expect((await balanceOf(consumerAccount.address)) - consumerBefore).toBe(parseEther('0.8'))
    expect(await balanceOf(node.deployment.application)).toBe(0n)
    const after = await consumer.inspect({ query: 'balances', owner: consumerAccount.address })
    expect(after).toEqual({ ok: true, result: { balances: [] } })
  }, 240_000)
})

describe('deals paid once per pseudonym on the dev node', () => {
  it('one patient from three addresses is paid once, two patients twice; one patient in two deals shows two pseudonyms', async () => {
    const consumerAccount = extra(13)
    const consumer = clientOf(consumerAccount)
    const [address1, address2, address3, address4, executor] = [extra(14), extra(15), extra(16), extra(17), extra(18)]
    const [patientA, patientB] = await Promise.all([issueBoundPatient(school), issueBoundPatient(school)])
    expect((await consumer.waitForInput((await consumer.depositEther(parseEther('1'))).inputIndex)).status).toBe('ACCEPTED')
    const dealIdOf = (outcome: Awaited<ReturnType<typeof createMeaslesDeal>>['created']) => BigInt((outcome.reports[0] as { result: { dealId: string } }).result.dealId)
    const first = await createMeaslesDeal(node, consumerAccount, { school: school.controller, maxApprovals: 5, reward, asset: zeroAddress, funding: parseEther('0.5') })
    const second = await createMeaslesDeal(node, consumerAccount, { school: school.controller, maxApprovals: 5, reward, asset: zeroAddress, funding: parseEther('0.1') })
    expect([first.created.status, second.created.status]).toEqual(['ACCEPTED', 'ACCEPTED'])
    const [dealId, otherDealId] = [dealIdOf(first.created), dealIdOf(second.created)]
    const submitFrom = pseudonymSubmitter(node, dealId)

    // 1. Patient A from three addresses: the first is approved; the others show the same pseudonym and are refused.
    const paid = await submitFrom(address1, patientA)
    expect(paid.outcome.status, JSON.stringify(paid.outcome.reports)).toBe('ACCEPTED')
    const pseudonymA = paid.outcome.dealApprovals[0]?.pseudonym as Hex
    expect(pseudonymA).toMatch(/^0x[0-9a-f]{96}$/)
    expect(paid.outcome.reports[0]).toMatchObject({ ok: true, result: { pseudonym: pseudonymA } })
    for (const address of [address2, address3]) {
      const again = await submitFrom(address, patientA)
      expect(again.outcome.status).toBe('REJECTED')
      expect(failure(again.outcome)).toMatchObject({ code: 'ERR_VERIFIER_DEAL_PSEUDONYM_USED' })
    }

    // 2. Patient B: a second approval, with another pseudonym.
    const paidB = await submitFrom(address4, patientB)
    expect(paidB.outcome.status, JSON.stringify(paidB.outcome.reports)).toBe('ACCEPTED')
    expect(paidB.outcome.dealApprovals[0]?.pseudonym).not.toBe(pseudonymA)
    const { result } = (await consumer.inspect({ query: 'deal', dealId: Number(dealId) })) as { result: { deal: { approvals: number; sybilOpen: boolean; approvalRecords: { provider: Hex }[] } } }
    expect(result.deal).toMatchObject({ approvals: 2, sybilOpen: false })
    expect(result.deal.approvalRecords.map((approval) => approval.provider)).toEqual([address1.address, address4.address])

    // 3. Both rewards are paid on L1, once each.
    const executorClient = clientOf(executor)
    for (const [address, outcome] of [
      [address1, paid.outcome],
      [address4, paidB.outcome],
    ] as const) {
      const before = await balanceOf(address.address)
      expect(outcome.vouchers).toHaveLength(1)
      await executorClient.executeVoucher((outcome.vouchers[0] as { outputIndex: bigint }).outputIndex)
      expect((await balanceOf(address.address)) - before).toBe(reward)
    }

    // 4. Patient A in another deal: approved with a pseudonym unlinkable to the first; its input carries neither the first pseudonym nor the first presentation's proof.
    const elsewhere = await pseudonymSubmitter(node, otherDealId)(address1, patientA)
    expect(elsewhere.outcome.status, JSON.stringify(elsewhere.outcome.reports)).toBe('ACCEPTED')
    const pseudonymElsewhere = elsewhere.outcome.dealApprovals[0]?.pseudonym as Hex
    expect(pseudonymElsewhere).toMatch(/^0x[0-9a-f]{96}$/)
    expect(pseudonymElsewhere).not.toBe(pseudonymA)
    // The proof value (multibase base64url) carries its pseudonym: the first deal's, never in the second deal's input.
    const proofBytes = (presentation: string) => Buffer.from((JSON.parse(presentation) as { proof: { proofValue: string } }).proof.proofValue.slice(1), 'base64url').toString('hex')
    expect(proofBytes(paid.presentation)).toContain(pseudonymA.slice(2))
    expect(proofBytes(elsewhere.presentation)).toContain(pseudonymElsewhere.slice(2))
    expect(proofBytes(elsewhere.presentation)).not.toContain(pseudonymA.slice(2))
    const inputOf = (presentation: string) => node.state().inputs.find((input) => input.rawData.toLowerCase().includes(Buffer.from(presentation).toString('hex')))
    expect(inputOf(elsewhere.presentation)).toBeDefined()

    // 5. Both deals closed: the next tests see only their own.
    for (const id of [dealId, otherDealId]) expect((await consumer.waitForInput((await consumer.send({ action: 'closeDeal', dealId: id })).inputIndex)).status).toBe('ACCEPTED')
  }, 240_000)
})

describe('the machine build', () => {
  it("claims the same outputs root as libcmt's mock computes for the deal inputs, portals from the environment", async () => {
    await node.settle()
    const state = node.state()
    const work = await mkdtemp(join(dir, 'mock-'))
    const { outfile } = await buildVerifier()
    // Rejected inputs change nothing, and the mock cannot revert them: feed the accepted ones.
    const accepted = state.inputs.filter((input) => input.status === 'ACCEPTED')
    await Promise.all(accepted.map((input, i) => writeFile(join(work, `in${i}.bin`), Buffer.from(input.rawData.slice(2), 'hex'))))
    await promisify(execFile)(process.execPath, [...machineNodeFlags, outfile], {
      cwd: work,
      env: {
        ...process.env,
        CMT_INPUTS: accepted.map((_, i) => `0:in${i}.bin`).join(','),
        MEDCRED_ROOT_AUTHORITIES: node.rootAuthorities.join(','),
        MEDCRED_ETHER_PORTAL: node.deployment.etherPortal,
        MEDCRED_ERC20_PORTAL: node.deployment.erc20Portal,
        ROLLUP_HTTP_SERVER_URL: '',
      },
    })
    expect(state.outputs.filter((output) => output.decoded.type === 'voucher').length).toBeGreaterThan(0)
    const mockRoot = bytesToHex(await readFile(join(work, `in${accepted.length - 1}.outputs_merkle_root.bin`)))
    expect(mockRoot).toBe(state.claims.at(-1)?.outputsMerkleRoot)
  }, 120_000)
})

describe('medcred deal against the dev node', () => {
  const cli = async (argv: string[], env: Record<string, string> = {}) => {
    const run = await runCliCaptured(argv, { env })
    return { ...run, json: () => JSON.parse(run.stdout) }
  }
  const connection = () => ['--rpc-url', node.chain.rpcUrl, '--node-url', node.nodeUrl, '--application', node.deployment.application, '--ether-portal', node.deployment.etherPortal]
  const keyOf = (index: number) => bytesToHex(extra(index).getHdKey().privateKey as Uint8Array)

  it('create (with a deposit), list, submit with an encrypted record, refusals, close', async () => {
    const consumerKey = keyOf(10)
    const keys = await generateDeliveryKeyPair()
    await writeFile(join(dir, 'consumer.jwk.json'), JSON.stringify(keys.publicKey))
    await writeFile(join(dir, 'measles.json'), JSON.stringify(credentials.measles))
    await writeFile(join(dir, 'rubella.json'), JSON.stringify(credentials.rubella))

    const created = await cli(
      ['deal', 'create', ...connection(), '--type', 'VaccinationCertificate', '--issuer', school.controller, '--reward', '1000', '--max-approvals', '1', '--fund', '1500', '--deposit',
        '--consumer-key', join(dir, 'consumer.jwk.json'), '--where', 'credentialSubject.vaccine.targetDisease=measles', 'credentialSubject.doseNumber>=2', '--sybil-open'],
      { MEDCRED_PRIVATE_KEY: consumerKey },
    )
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    const dealId = created.json().result.dealId as string

    const listed = await cli(['deal', 'list', ...connection()], { MEDCRED_PRIVATE_KEY: consumerKey })
    expect(listed.code).toBe(0)
    expect(listed.json().deals).toEqual([expect.objectContaining({ id: Number(dealId), budget: '1500', reward: '1000', maxApprovals: 1 })])
    expect(listed.json().balances).toEqual([])

    const refused = await cli(['deal', 'submit', ...connection(), '--deal', dealId, '--credential', join(dir, 'rubella.json')], { MEDCRED_PRIVATE_KEY: keyOf(11) })
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(/rejected input \d+: .*rubella.*ERR_VERIFIER_DEAL_PREDICATE_FAILED/)

    const jweFile = join(dir, 'delivery.jwe')
    const provider = extra(11)
    const before = await balanceOf(provider.address)
    const submitted = await cli(['deal', 'submit', ...connection(), '--deal', dealId, '--credential', join(dir, 'measles.json'), '--record', join(dir, 'measles.json'), '--jwe-out', jweFile, '--execute-voucher'], {
      MEDCRED_PRIVATE_KEY: keyOf(11),
    })
    expect(submitted.stderr).toBe('')
    expect(submitted.code).toBe(0)
    const jwe = await readFile(jweFile, 'utf8')
    expect(submitted.json().approvals[0]).toMatchObject({ provider: provider.address, deliveryHash: hashDelivery(jwe), reward: '1000' })
    expect(await decryptDelivery({ jwe, privateKey: keys.privateKey })).toEqual(credentials.measles)
    // The provider paid gas for its submission and for executing the voucher: it gained the reward less exactly that gas.
    const hashes: Hex[] = [submitted.json().transactionHash, ...submitted.json().executed]
    const receipts = await Promise.all(hashes.map((hash) => node.chain.publicClient.getTransactionReceipt({ hash })))
    const gas = receipts.reduce((sum, receipt) => sum + receipt.gasUsed * receipt.effectiveGasPrice, 0n)
    expect((await balanceOf(provider.address)) - before).toBe(1000n - gas)

    const closedByOther = await cli(['deal', 'close', ...connection(), '--deal', dealId], { MEDCRED_PRIVATE_KEY: keyOf(11) })
    expect(closedByOther.code).toBe(1)
    expect(closedByOther.stderr).toMatch(/ERR_VERIFIER_DEAL_NOT_CONSUMER/)
    const closed = await cli(['deal', 'close', ...connection(), '--deal', dealId], { MEDCRED_PRIVATE_KEY: consumerKey })
    expect(closed.code).toBe(0)
    expect(closed.json().result).toEqual({ dealId, refund: '500', approvals: 1 })
    expect((await cli(['deal', 'list', ...connection()])).json().deals).toEqual([])
  }, 240_000)

  // Hardhat funds 20 accounts, all named by now: the providers are two of the pseudonym test's, which were paid in other deals (an address carries nothing from deal to deal).
  it('a deal paid once per pseudonym: submit derives with the holder files; the same patient from another address is refused', async () => {
    const consumerKey = keyOf(19)
    const patient = await issueBoundPatient(school)
    await writeFile(join(dir, 'bound.json'), JSON.stringify(patient.credential))
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
    await writeFile(join(dir, 'holder-secret.json'), JSON.stringify({ holderSecret: hex(patient.holder.secret.holderSecret), proverNym: hex(patient.holder.secret.proverNym) }))
    await writeFile(join(dir, 'bound.blind.json'), JSON.stringify({ secretProverBlind: `0x${hex(patient.holder.secretProverBlind)}` }))
    const created = await cli(
      ['deal', 'create', ...connection(), '--type', 'VaccinationCertificate', '--issuer', school.controller, '--reward', '1000', '--max-approvals', '3', '--fund', '3000', '--deposit',
        '--consumer-key', join(dir, 'consumer.jwk.json'), '--where', 'credentialSubject.vaccine.targetDisease=measles', 'credentialSubject.doseNumber>=2'],
      { MEDCRED_PRIVATE_KEY: consumerKey },
    )
    expect(created.stderr).toBe('')
    const dealId = created.json().result.dealId as string
    const holderFiles = ['--holder-secret', join(dir, 'holder-secret.json'), '--prover-blind', join(dir, 'bound.blind.json')]
    const submitted = await cli(['deal', 'submit', ...connection(), '--deal', dealId, '--credential', join(dir, 'bound.json'), ...holderFiles], { MEDCRED_PRIVATE_KEY: keyOf(14) })
    expect(submitted.stderr).toBe('')
    expect(submitted.json().approvals[0]).toMatchObject({ provider: extra(14).address, pseudonym: expect.stringMatching(/^0x[0-9a-f]{96}$/) })
    const again = await cli(['deal', 'submit', ...connection(), '--deal', dealId, '--credential', join(dir, 'bound.json'), ...holderFiles], { MEDCRED_PRIVATE_KEY: keyOf(15) })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/ERR_VERIFIER_DEAL_PSEUDONYM_USED/)
    const noSecret = await cli(['deal', 'submit', ...connection(), '--deal', dealId, '--credential', join(dir, 'bound.json'), '--holder-secret', join(dir, 'holder-secret.json')], { MEDCRED_PRIVATE_KEY: keyOf(15) })
    expect(noSecret.code).toBe(2)
  }, 240_000)

  it('usage errors exit 2, a missing key exits 1, and the key never shows', async () => {
    const badDeal = await cli(['deal', 'close', ...connection(), '--deal', 'x'], { MEDCRED_PRIVATE_KEY: keyOf(12) })
    expect(badDeal.code).toBe(2)
    expect(badDeal.stderr).toMatch(/--deal must be a deal id/)
    const noKey = await cli(['deal', 'close', ...connection(), '--deal', '1'])
    expect(noKey.code).toBe(1)
    expect(noKey.stderr).toMatch(/MEDCRED_PRIVATE_KEY/)
    const badKey = await cli(['deal', 'close', ...connection(), '--deal', '1'], { MEDCRED_PRIVATE_KEY: '0x1234' })
    expect(badKey.code).toBe(1)
    expect(badKey.stderr).not.toContain('0x1234')
    const badWhere = await cli(['deal', 'create', ...connection(), '--type', 'VaccinationCertificate', '--issuer', school.controller, '--reward', '1', '--max-approvals', '1', '--consumer-key', join(dir, 'consumer.jwk.json'), '--where', 'doseNumber>=two'], {
      MEDCRED_PRIVATE_KEY: keyOf(12),
    })
    expect(badWhere.code).toBe(2)
    expect(badWhere.stderr).toMatch(/compares with a number/)
  })
})
