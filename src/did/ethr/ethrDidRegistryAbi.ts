/**
 * @module
 * The part of the ERC-1056 EthereumDIDRegistry ABI medcred calls (ethr-did-registry 1.x),
 * written out so the library ships no contract artifact.
 */

/** ERC-1056 functions for owners and attributes, as a viem `as const` ABI. */
export const ethrDidRegistryAbi = [
  {
    type: 'function',
    name: 'identityOwner',
    stateMutability: 'view',
    inputs: [{ name: 'identity', type: 'address' }],
    outputs: [{ name: '', type: 'address' }],
  },
  {
    type: 'function',
    name: 'changed',
    stateMutability: 'view',
    inputs: [{ name: '', type: 'address' }],
    outputs: [{ name: '', type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'setAttribute',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'identity', type: 'address' },
      { name: 'name', type: 'bytes32' },
      { name: 'value', type: 'bytes' },
      { name: 'validity', type: 'uint256' },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'revokeAttribute',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'identity', type: 'address' },
      { name: 'name', type: 'bytes32' },
      { name: 'value', type: 'bytes' },
    ],
    outputs: [],
  },
] as const
