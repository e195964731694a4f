/**
 * Numbers and plurals through `Intl`, in one place: "1 workload", "11,521 workloads". The locale
 * is the browser's (undefined), like the dates in format.ts.
 */
const numbers = new Intl.NumberFormat(undefined)
const plurals = new Intl.PluralRules(undefined)

export interface NounForms {
  one: string
  other: string
}

export function formatNumber(n: number): string {
  return numbers.format(n)
}

/** `count(3, WORKLOADS)` → "3 workloads"; the form follows the locale's plural rule. */
export function count(n: number, noun: NounForms): string {
  return `${formatNumber(n)} ${plurals.select(n) === 'one' ? noun.one : noun.other}`
}

/** Only the noun, for phrases whose number is shown elsewhere ("of 12 workloads"). */
export function noun(n: number, forms: NounForms): string {
  return plurals.select(n) === 'one' ? forms.one : forms.other
}

export const WORKLOADS: NounForms = { one: 'workload', other: 'workloads' }
