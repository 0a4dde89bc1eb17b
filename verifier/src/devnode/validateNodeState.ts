/**
 * @module
 * Checks that a parsed `devnode.json` holds a node state that agrees with itself, before the
 * node trusts any of it: every field of the right kind, indices in order, each output's bytes
 * the encoding of its decoded form, each input's status the one its report gives, claims in
 * epoch order, and the verifier snapshot the one that goes with the inputs. What it cannot see
 * (the chain's logs, the SQLite pages) is checked on start by checkNodeStateOnChain and
 * checkVerifierSnapshot.
 */
import { computeOutputsMerkleRoot, decodeReport, encodeOutput, inputsAbi } from 'medcred/cartesi'
import { decodeFunctionData, type Hex, isAddress, isHex } from 'viem'
import { DevnodeFileCorruptError } from './errors.js'
import { inputStatuses, type NodeState, type StoredInput, type StoredOutput, verifierSnapshotName } from './nodeState.js'

type Fields = Record<string, unknown>

/**
 * @returns `value` as a {@link NodeState}
 * @throws {DevnodeFileCorruptError} `ERR_DEVNODE_FILE_CORRUPT`, naming `file` and the first field at fault
 */
export function validateNodeState(value: unknown, file: string): NodeState {
  const fail = (reason: string): never => {
    throw new DevnodeFileCorruptError({ file, reason })
  }
  const object = (item: unknown, path: string): Fields => (item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Fields) : fail(`${path} is not an object`))
  const array = (item: unknown, path: string): unknown[] => (Array.isArray(item) ? item : fail(`${path} is not an array`))
  const count = (item: unknown, path: string): number => (Number.isSafeInteger(item) && (item as number) >= 0 ? (item as number) : fail(`${path} is ${JSON.stringify(item)}, not a whole number`))
  const hex = (item: unknown, path: string, bytes?: number): Hex =>
    typeof item === 'string' && isHex(item, { strict: true }) && (bytes === undefined || item.length === 2 + 2 * bytes) ? item : fail(`${path} is ${JSON.stringify(item)}, not ${bytes === undefined ? 'hex' : `${bytes} bytes of hex`}`)
  const address = (item: unknown, path: string) => (typeof item === 'string' && isAddress(item, { strict: false }) ? item : fail(`${path} is ${JSON.stringify(item)}, not an address`))
  const equal = (actual: unknown, expected: unknown, path: string) => {
    if (actual !== expected) fail(`${path} is ${JSON.stringify(actual)}, where ${JSON.stringify(expected)} is expected`)
  }

  const state = object(value, 'the state')
  count(state.chainId, 'chainId')
  hex(state.genesisHash, 'genesisHash', 32)
  const deployment = object(state.deployment, 'deployment')
  for (const name of ['inputBox', 'etherPortal', 'erc20Portal', 'authority', 'application', 'ethrDidRegistry']) address(deployment[name], `deployment.${name}`)
  const epochLength = count(deployment.epochLength, 'deployment.epochLength')
  if (epochLength === 0) fail('deployment.epochLength is 0')
  count(deployment.deploymentBlock, 'deployment.deploymentBlock')
  count(state.nextBlock, 'nextBlock')
  if (state.rootAuthorities !== undefined) array(state.rootAuthorities, 'rootAuthorities').forEach((item, index) => address(item, `rootAuthorities[${index}]`))

  const inputs = array(state.inputs, 'inputs').map((item, index) => {
    const path = `inputs[${index}]`
    const input = object(item, path)
    equal(count(input.index, `${path}.index`), index, `${path}.index`)
    const blockNumber = count(input.blockNumber, `${path}.blockNumber`)
    equal(count(input.epochIndex, `${path}.epochIndex`), Math.floor(blockNumber / epochLength), `${path}.epochIndex`)
    count(input.blockTimestamp, `${path}.blockTimestamp`)
    count(input.logIndex, `${path}.logIndex`)
    hex(input.transactionHash, `${path}.transactionHash`, 32)
    address(input.sender, `${path}.sender`)
    const rawData = hex(input.rawData, `${path}.rawData`)
    const payload = hex(input.payload, `${path}.payload`)
    let decoded: readonly unknown[] = []
    try {
      decoded = decodeFunctionData({ abi: inputsAbi, data: rawData }).args
    } catch {
      fail(`${path}.rawData is not an EvmAdvance input`)
    }
    equal(payload, decoded[7], `${path}.payload`)
    equal(BigInt(index), decoded[6], `${path}.rawData's input index`)
    if (!inputStatuses.includes(input.status as StoredInput['status'])) fail(`${path}.status is ${JSON.stringify(input.status)}, not one of ${inputStatuses.join(', ')}`)
    return input as StoredInput
  })

  const ofInput = (item: Fields, path: string) => {
    const inputIndex = count(item.inputIndex, `${path}.inputIndex`)
    const input = inputs[inputIndex] ?? fail(`${path}.inputIndex is ${inputIndex}, but there are ${inputs.length} inputs`)
    equal(count(item.epochIndex, `${path}.epochIndex`), input.epochIndex, `${path}.epochIndex`)
    return inputIndex
  }
  let lastInput = 0
  const outputs = array(state.outputs, 'outputs').map((item, index) => {
    const path = `outputs[${index}]`
    const output = object(item, path)
    equal(count(output.index, `${path}.index`), index, `${path}.index`)
    const inputIndex = ofInput(output, path)
    if (inputIndex < lastInput) fail(`${path}.inputIndex is ${inputIndex}, after an output of input ${lastInput}`)
    lastInput = inputIndex
    const rawData = hex(output.rawData, `${path}.rawData`)
    let encoded: Hex | undefined
    try {
      encoded = encodeOutput(object(output.decoded, `${path}.decoded`) as never)
    } catch {
      fail(`${path}.decoded is not a notice or a voucher`)
    }
    if (encoded !== rawData) fail(`${path}.rawData is not the encoding of ${path}.decoded`)
    return output as StoredOutput
  })

  const firstReport = new Map<number, Hex>()
  array(state.reports, 'reports').forEach((item, index) => {
    const path = `reports[${index}]`
    const report = object(item, path)
    equal(count(report.index, `${path}.index`), index, `${path}.index`)
    const inputIndex = ofInput(report, path)
    const rawData = hex(report.rawData, `${path}.rawData`)
    if (!firstReport.has(inputIndex)) firstReport.set(inputIndex, rawData)
  })
  // The medcred verifier reports on every input it processes: ok true if it accepted it.
  for (const input of inputs) {
    const report = firstReport.get(input.index)
    if (input.status === 'NONE' || report === undefined) continue
    let ok: boolean | undefined
    try {
      ok = decodeReport(report).ok
    } catch {
      continue
    }
    if (ok !== (input.status === 'ACCEPTED')) fail(`inputs[${input.index}].status is ${input.status}, but its report says ${ok ? 'accepted' : 'rejected'}`)
  }

  let lastEpoch = -1
  array(state.claims, 'claims').forEach((item, index) => {
    const path = `claims[${index}]`
    const claim = object(item, path)
    const epochIndex = count(claim.epochIndex, `${path}.epochIndex`)
    if (epochIndex <= lastEpoch) fail(`${path}.epochIndex is ${epochIndex}, not after ${lastEpoch}`)
    lastEpoch = epochIndex
    equal(count(claim.lastBlock, `${path}.lastBlock`), (epochIndex + 1) * epochLength - 1, `${path}.lastBlock`)
    const outputCount = count(claim.outputCount, `${path}.outputCount`)
    equal(outputCount, outputs.filter((output) => output.epochIndex <= epochIndex).length, `${path}.outputCount`)
    const root = hex(claim.outputsMerkleRoot, `${path}.outputsMerkleRoot`, 32)
    const computed = computeOutputsMerkleRoot(outputs.slice(0, outputCount).map((output) => output.rawData))
    if (root !== computed) fail(`${path}.outputsMerkleRoot is ${root}, but the outputs up to its epoch give ${computed}`)
    if (claim.transactionHash !== undefined) hex(claim.transactionHash, `${path}.transactionHash`, 32)
  })

  if (inputs.length > 0 || state.verifierSnapshot !== undefined) {
    equal(state.verifierSnapshot, verifierSnapshotName(inputs.length), 'verifierSnapshot')
    hex(`0x${String(state.verifierSnapshotSha256)}`, 'verifierSnapshotSha256', 32)
  }
  return state as NodeState
}
