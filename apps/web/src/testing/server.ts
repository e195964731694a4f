import { setupServer } from 'msw/node'

/** No default handlers: each test declares exactly the API calls it expects. */
export const server = setupServer()
