/** A production environment that starts: the base the refusal tests change one setting of. */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  PUBLIC_ORIGIN: 'https://ops.example.com',
  CLOUD_TARGETS: JSON.stringify([{ name: 'prod-eu', region: 'eu-west-101', projectId: 'p123' }]),
  CLOUD_AK: 'AKID',
  CLOUD_SK: 'SKVAL',
}
