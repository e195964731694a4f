// Runs before the app bundle so the first paint already uses the right theme.
import { applyTheme, readThemeChoice, watchSystemTheme } from './lib/theme.js'

applyTheme(readThemeChoice())
watchSystemTheme()
