#!/usr/bin/env node
/**
 * @module
 * The `medcred` executable (Node only).
 */
import { text } from 'node:stream/consumers'
import { runCli } from './runCli.js'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  stdin: () => text(process.stdin),
  env: process.env,
})
