import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/**
 * Reads one line from stdin. On a terminal the prompt is shown and typing is not echoed; when
 * piped (`echo pw | users add ...`) the first line is taken.
 */
export async function readSecretLine(prompt: string): Promise<string> {
  const tty = process.stdin.isTTY
  let muted = false
  const output = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!muted) process.stderr.write(chunk)
      cb()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: tty })
  try {
    if (tty) {
      process.stderr.write(prompt)
      muted = true
    }
    const line = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve)
      rl.once('close', () => reject(new Error('no password on stdin')))
    })
    if (tty) process.stderr.write('\n')
    return line
  } finally {
    rl.close()
  }
}
