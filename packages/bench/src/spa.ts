import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { login } from './lib/bff-session.js'
import {
  FIRST_ROW_AT,
  KEYSTROKE_TO_PAINT,
  LIST_RESPONSE_END,
  LOADED_SCRIPTS,
  RECORD_FIRST_ROW,
  ROW_COUNT,
} from './lib/page-scripts.js'
import { progress, runIfMain, type BenchResult, type Figure } from './lib/report.js'
import { buildSpa, gzipSizes, initialAssets, kb } from './lib/spa-build.js'
import { startBff, startSim } from './lib/servers.js'
import { median, ms, ratio } from './lib/stats.js'

const LOADS = 3
const KEYSTROKES = 4
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const PAGE = '/workloads/dli-flink-job'
/** Just over the BFF's list cache TTL (2 s): every page load and keystroke below is a cold listing. */
const COLD_GAP_MS = 2200
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface PageFigures {
  rows: number
  firstRow: number
  listResponse: number
  keystroke: number
  /** Script files the page loaded before its first row (paths relative to the dist dir). */
  scripts: string[]
}

/** The real built SPA served by the BFF, one target whose simulated project has `rows` DLI jobs. */
async function measurePage(browser: Browser, distDir: string, rows: number): Promise<PageFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-spa-db-'))
  const sim = await startSim({ seed: 42, size: rows, clock: 'real', stopFailureRate: 0 })
  const bff = await startBff(sim, {
    database: { sqlitePath: join(dir, 'bff.db') },
    webDistDir: distDir,
  })
  try {
    const [name = '', value = ''] = (await login(bff.info.origin, 'viewer')).split('=')
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    await context.addCookies([{ name, value, url: bff.info.origin }])
    await context.addInitScript(RECORD_FIRST_ROW)
    const firstRow: number[] = []
    const listResponse: number[] = []
    let shown = 0
    let scripts: string[] = []
    for (let i = 0; i < LOADS; i++) {
      await sleep(COLD_GAP_MS)
      const page = await context.newPage()
      await page.goto(`${bff.info.origin}${PAGE}`)
      firstRow.push(await page.evaluate<number>(FIRST_ROW_AT))
      listResponse.push((await page.evaluate<number | null>(LIST_RESPONSE_END)) ?? Number.NaN)
      shown = await page.evaluate<number>(ROW_COUNT)
      scripts = await page.evaluate<string[]>(LOADED_SCRIPTS)
      await page.close()
    }
    const page = await context.newPage()
    await page.goto(`${bff.info.origin}${PAGE}`)
    await page.evaluate(FIRST_ROW_AT)
    const search = page.getByRole('searchbox', { name: 'Search' })
    const keystroke: number[] = []
    for (const ch of ['7', '3', '5', '9'].slice(0, KEYSTROKES)) {
      await search.fill('')
      // Polled from here: the SPA's CSP (rightly) forbids the eval that waitForFunction(string) needs.
      while ((await page.evaluate<number>(ROW_COUNT)) !== shown) await sleep(20)
      await sleep(COLD_GAP_MS)
      const painted = page.evaluate<number>(KEYSTROKE_TO_PAINT)
      await search.press(ch)
      keystroke.push(await painted)
    }
    await context.close()
    return {
      rows: shown,
      firstRow: median(firstRow),
      listResponse: median(listResponse),
      keystroke: median(keystroke),
      scripts,
    }
  } finally {
    await bff.stop()
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Figure 6: the SPA's initial download (gzip) after `vite build`, and in headless Chromium the
 * time to the first rendered row with 10,000 vs 100 workloads, and search keystroke → paint.
 */
export async function benchSpa(): Promise<BenchResult> {
  const distDir = mkdtempSync(join(tmpdir(), 'bench-web-dist-'))
  try {
    progress('spa: vite build')
    buildSpa(distDir)
    const assets = initialAssets(distDir)
    const jsGzip = assets.js.reduce((n, a) => n + a.gzip, 0)
    const cssGzip = assets.css.reduce((n, a) => n + a.gzip, 0)
    const figures: Figure[] = [
      {
        figure: 'initial JS (gzip)',
        value: `${kb(jsGzip)} in ${assets.js.length} file(s)`,
        target: '≤ 150 KB',
        met: jsGzip <= 150 * 1024,
      },
      { figure: 'initial CSS (gzip)', value: kb(cssGzip) },
    ]
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    })
    try {
      progress('spa: 100 rows')
      const small = await measurePage(browser, distDir, 100)
      progress('spa: 10,000 rows')
      const large = await measurePage(browser, distDir, 10_000)
      const pageJs = gzipSizes(distDir, large.scripts)
      figures.push({
        figure: `JS loaded before the workloads page's first row (gzip)`,
        value: `${kb(pageJs.reduce((n, a) => n + a.gzip, 0))} in ${pageJs.length} file(s)`,
      })
      const r = ratio(large.firstRow, small.firstRow)
      const renderOnly = ratio(
        large.firstRow - large.listResponse,
        small.firstRow - small.listResponse,
      )
      figures.push(
        {
          figure: `first row painted, ${small.rows} rows (list answer at)`,
          value: `${ms(small.firstRow)} (${ms(small.listResponse)})`,
        },
        {
          figure: `first row painted, ${large.rows} rows (list answer at)`,
          value: `${ms(large.firstRow)} (${ms(large.listResponse)})`,
        },
        { figure: 'first render 10,000 ÷ 100 rows', value: `${r}×`, target: '≤ 2×', met: r <= 2 },
        {
          figure: '  of which in the browser (after the list answer)',
          value: `${ms(large.firstRow - large.listResponse)} vs ${ms(small.firstRow - small.listResponse)} (${renderOnly}×)`,
        },
        { figure: `search keystroke → paint, ${small.rows} rows`, value: ms(small.keystroke) },
        { figure: `search keystroke → paint, ${large.rows} rows`, value: ms(large.keystroke) },
      )
    } finally {
      await browser.close()
    }
    return {
      name: 'SPA',
      figures,
      notes: [
        `initial = entry module + modulepreload chunks + stylesheets referenced by index.html (${assets.js.map((a) => `${a.file} ${kb(a.gzip)}`).join(', ')}).`,
        `Chromium headless, 1400×900, real built SPA served by the BFF (one target, DLI page ${PAGE}); first row = MutationObserver on tr[data-key], ms since navigation start, median of ${LOADS} loads; keystroke → paint = keydown to the first frame showing a different row set, median of ${KEYSTROKES}, includes the search box's 300 ms debounce and the BFF's re-list. Every load and keystroke waits ${COLD_GAP_MS} ms first, past the BFF's 2 s list cache, so all are cold listings (a keystroke within 2 s of the last listing is served from the cache and is faster).`,
      ],
    }
  } finally {
    rmSync(distDir, { recursive: true, force: true })
  }
}

runIfMain(import.meta.url, benchSpa)
