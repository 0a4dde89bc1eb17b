/**
 * @module
 * What the wallet pages' browser tests share: a static file server on 127.0.0.1, Debian's
 * headless Chromium, and pages that may reach loopback only (every other request is aborted
 * and recorded, as is every page error and console error).
 */
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, resolve, sep } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.jsonld': 'application/ld+json' }

/** A static file server on 127.0.0.1 (ephemeral port), nothing more: what the pages need. */
export async function serveStatic(root: string): Promise<{ server: Server; origin: string }> {
  const site = resolve(root)
  const server = createServer(async (request, response) => {
    const path = resolve(site, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)}`)
    try {
      if (!path.startsWith(site + sep)) throw new Error('outside the site')
      const body = await readFile(path)
      response.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream' }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** Closes a server from {@link serveStatic} (if it started), open connections included. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
}

/** Debian's Chromium, headless, with its own network chatter switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** What pages tried beyond loopback (each refused), and the errors they raised or logged. */
export type PageLog = { blocked: string[]; pageErrors: string[] }

/** Opens `origin/path` in a new page that can reach 127.0.0.1 only; `log` collects the rest. */
export async function openLoopbackPage(browser: Browser, origin: string, path: string, log: PageLog): Promise<Page> {
  const page = await browser.newPage()
  page.on('pageerror', (error) => log.pageErrors.push(`${path}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') log.pageErrors.push(`${path}: ${message.text()}`)
  })
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.hostname === '127.0.0.1') return route.continue()
    log.blocked.push(url.href)
    return route.abort('blockedbyclient')
  })
  await page.goto(`${origin}/${path}`)
  return page
}

/** Everything a page shows or holds: its markup, text and the values of its form fields. */
export const pageContent = (page: Page, selector = 'body') =>
  page.$eval(selector, (root) =>
    [root.outerHTML, (root as HTMLElement).innerText, ...Array.from(root.querySelectorAll('textarea, input'), (field) => (field as HTMLInputElement).value)].join('\n'),
  )
