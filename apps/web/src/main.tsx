import './lib/zod-config.js'
import { RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Providers } from './app/providers.js'
import { createAppRouter } from './app/router.js'
import { authKeys } from './features/auth/api/auth-queries.js'
import { createQueryClient } from './lib/query-client.js'
import './styles.css'

const queryClient = createQueryClient({
  // A 401 anywhere means the session ended: refresh "me" and let the route guard redirect.
  onUnauthenticated: () => {
    void queryClient.invalidateQueries({ queryKey: authKeys.all }).then(() => router.invalidate())
  },
})
const router = createAppRouter(queryClient)

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
)
