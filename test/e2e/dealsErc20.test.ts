/**
 * A data deal paid in an ERC-20 token, end to end on the dev node (real Hardhat chain, real
 * Cartesi Rollups 2.2 contracts, OpenZeppelin's ERC20PresetFixedSupply): a deposit through the
 * ERC20Portal, a measles deal in the token, two approvals whose `transfer` vouchers execute on
 * L1, a non-matching provider refused, the deal closed and every remaining token withdrawn.
 */
import tokenArtifact from '@openzeppelin/contracts/build/contracts/ERC20PresetFixedSupply.json' with { type: 'json' }
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Abi, type Address, decodeFunctionData, erc20Abi, getAddress, type Hex, parseUnits } from 'viem'
import { createMeaslesDeal, dealSubmitter, developmentAccount, failure, startDealsDevnode } from '#test/dealsE2e.js'
import type { InputOutcome, InputOutput } from '../../src/cartesi/index.js'
import { outputsAbi } from '../../src/cartesi/rollupsAbi.js'

const supply = parseUnits('1000', 18)
const deposit = parseUnits('600', 18)
const funding = parseUnits('250', 18)
const reward = parseUnits('100', 18)

let setup: Awaited<ReturnType<typeof startDealsDevnode>>

beforeAll(async () => {
  setup = await startDealsDevnode()
}, 120_000)
afterAll(async () => {
  await setup?.node.stop()
})

describe('an ERC-20 data deal on the dev node', () => {
  it('deposit through the ERC20Portal, token deal, paid transfer vouchers, a refusal, close and withdraw to zero', async () => {
    const { node, credentials, school } = setup
    const [consumerAccount, providerA, providerB] = [node.chain.accounts[3], node.chain.accounts[4], node.chain.accounts[5]]
    const [nonMatching, executor] = [developmentAccount(6), developmentAccount(9)]
    const consumer = node.client(consumerAccount)
    const executorClient = node.client(executor)

    // 1. The consumer deploys a token holding the whole supply (the receipt's address is in lower case).
    const token = getAddress(
      await node.chain.deployContract({
        abi: tokenArtifact.abi as Abi,
        bytecode: tokenArtifact.bytecode as Hex,
        args: ['Research Credit', 'RSC', supply, consumerAccount.address],
        account: consumerAccount,
      }),
    )
    const tokens = (owner: Address) => node.chain.publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] })
    expect(await tokens(consumerAccount.address)).toBe(supply)

    // 2. depositErc20 approves the portal and deposits: the tokens sit in the application, the machine credits the consumer.
    const deposited = await consumer.waitForInput((await consumer.depositErc20(token, deposit)).inputIndex)
    expect(deposited.status, JSON.stringify(deposited.reports)).toBe('ACCEPTED')
    expect(deposited.reports[0]).toMatchObject({ ok: true, action: 'deposit', result: { owner: consumerAccount.address, asset: token, amount: deposit.toString(), balance: deposit.toString() } })
    expect(await tokens(node.deployment.application)).toBe(deposit)
    expect(await tokens(consumerAccount.address)).toBe(supply - deposit)
    expect(await node.chain.publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [consumerAccount.address, node.deployment.erc20Portal] })).toBe(0n)

    // 3. A measles deal paid in the token: 2 approvals of 100, 250 funded from the 600 deposited.
    const { created } = await createMeaslesDeal(node, consumerAccount, { school: school.controller, maxApprovals: 2, reward, asset: token, funding, sybilOpen: true })
    expect(created.status, JSON.stringify(created.reports)).toBe('ACCEPTED')
    const dealId = BigInt((created.reports[0] as { result: { dealId: string } }).result.dealId)
    const submitFrom = dealSubmitter(node, dealId)

    // 4. A rubella credential is refused; two measles providers are approved, each with a token transfer voucher.
    const rubella = await submitFrom(nonMatching, credentials.rubella)
    expect(rubella.outcome.status).toBe('REJECTED')
    expect(failure(rubella.outcome)).toMatchObject({ code: 'ERR_VERIFIER_DEAL_PREDICATE_FAILED', message: expect.stringMatching(/targetDisease is "rubella"/) })
    expect(rubella.outcome.vouchers).toEqual([])
    const approved = []
    for (const provider of [providerA, providerB]) {
      const { outcome } = await submitFrom(provider, credentials.measles)
      expect(outcome.status, JSON.stringify(outcome.reports)).toBe('ACCEPTED')
      expect(outcome.dealApprovals).toEqual([expect.objectContaining({ dealId, provider: provider.address, asset: token, reward })])
      approved.push({ provider, voucher: onlyVoucher(outcome) })
    }

    // 5. A third account executes the vouchers on L1: each provider gains exactly the reward in tokens, and spends no gas.
    for (const { provider, voucher } of approved) {
      expect(voucher).toMatchObject({ destination: token, value: 0n })
      expect(decodeFunctionData({ abi: erc20Abi, data: voucher.payload })).toEqual({ functionName: 'transfer', args: [provider.address, reward] })
      const [tokensBefore, etherBefore] = [await tokens(provider.address), await node.chain.publicClient.getBalance({ address: provider.address })]
      await executorClient.executeVoucher(voucher.outputIndex)
      expect((await tokens(provider.address)) - tokensBefore).toBe(reward)
      expect(await node.chain.publicClient.getBalance({ address: provider.address })).toBe(etherBefore)
      // The Application runs a voucher once, and the client says so.
      await expect(executorClient.executeVoucher(voucher.outputIndex)).rejects.toMatchObject({ code: 'ERR_CARTESI_TRANSACTION_FAILED', message: expect.stringMatching(/already executed/) })
      expect((await tokens(provider.address)) - tokensBefore).toBe(reward)
    }
    expect(await tokens(node.deployment.application)).toBe(deposit - 2n * reward)

    // 6. Close: the 50 left in the budget come back by voucher; the free 350 are withdrawn; the application holds none.
    const closed = await consumer.waitForInput((await consumer.send({ action: 'closeDeal', dealId })).inputIndex)
    expect(closed.status).toBe('ACCEPTED')
    expect(closed.reports[0]).toMatchObject({ ok: true, result: { refund: (funding - 2n * reward).toString(), approvals: 2 } })
    const withdrawn = await consumer.waitForInput((await consumer.send({ action: 'withdraw', asset: token, amount: deposit - funding })).inputIndex)
    expect(withdrawn.status, JSON.stringify(withdrawn.reports)).toBe('ACCEPTED')
    const consumerBefore = await tokens(consumerAccount.address)
    for (const outcome of [closed, withdrawn]) await executorClient.executeVoucher(onlyVoucher(outcome).outputIndex)
    expect((await tokens(consumerAccount.address)) - consumerBefore).toBe(deposit - 2n * reward)
    expect(await tokens(consumerAccount.address)).toBe(supply - 2n * reward)
    expect(await tokens(node.deployment.application)).toBe(0n)
    expect(await consumer.inspect({ query: 'balances', owner: consumerAccount.address })).toEqual({ ok: true, result: { balances: [] } })
  }, 240_000)
})

/** The outcome's one voucher, as the Application will call it: destination and calldata. */
function onlyVoucher(outcome: InputOutcome) {
  expect(outcome.vouchers).toHaveLength(1)
  const [voucher] = outcome.vouchers as [InputOutput]
  const decoded = decodeFunctionData({ abi: outputsAbi, data: voucher.rawData })
  if (decoded.functionName !== 'Voucher') throw new Error(`output ${voucher.outputIndex} is a ${decoded.functionName}`)
  const [destination, value, payload] = decoded.args
  return { outputIndex: voucher.outputIndex, destination, value, payload }
}
