import { CloudCheckPage } from '../../features/cloud-check/components/cloud-check-page.js'

export function CloudCheckView() {
  return <CloudCheckPage />
}
