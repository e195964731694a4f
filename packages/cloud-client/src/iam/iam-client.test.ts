import { expect, test } from 'vitest'
import { cloudError, fixtureClient, PROJECT } from '../../test/fixture-client.js'

test('createProjectToken returns the X-Subject-Token and is sent unsigned', async () => {
  const { client, fetch } = fixtureClient(
    {
      'POST /v3/auth/tokens': {
        status: 201,
        fixture: 'iam/createProjectToken.json',
        headers: { 'X-Subject-Token': 'MIIsecret' },
      },
    },
    { region: 'eu-west-101' },
  )
  const { data, status } = await client.iam.createProjectToken({
    domain: 'acme',
    user: 'ops',
    password: 'pw',
    projectId: PROJECT,
  })
  expect(status).toBe(201)
  expect(data).toMatchObject({
    token: 'MIIsecret',
    expiresAt: '2020-01-05T09:05:22.701000Z',
    projectId: PROJECT,
  })
  expect(fetch.calls[0]?.url).toBe(
    'https://iam.eu-west-101.myhuaweicloud.eu/v3/auth/tokens?nocatalog=true',
  )
  expect(fetch.calls[0]?.headers.authorization).toBeUndefined()
})

test('IAM error envelope: numeric code as string, message without the password', async () => {
  const { client } = fixtureClient({
    'POST /v3/auth/tokens': { status: 401, fixture: 'iam/error-401.json' },
  })
  const error = await cloudError(
    client.iam.createProjectToken({
      domain: 'acme',
      user: 'ops',
      password: 'hunter2',
      projectId: PROJECT,
    }),
  )
  expect(error).toMatchObject({
    service: 'iam',
    status: 401,
    code: '401',
    message: 'The username or password is wrong.',
  })
  expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('hunter2')
})

test('validateToken sends X-Subject-Token; 404 means invalid', async () => {
  const ok = fixtureClient({ 'GET /v3/auth/tokens': { fixture: 'iam/createProjectToken.json' } })
  expect((await ok.client.iam.validateToken('tok')).data.expires_at).toBe(
    '2020-01-05T09:05:22.701000Z',
  )
  expect(ok.fetch.calls[0]?.headers['x-subject-token']).toBe('tok')
  const bad = fixtureClient({
    'GET /v3/auth/tokens': { status: 404, fixture: 'iam/validate-404.json' },
  })
  expect(await cloudError(bad.client.iam.validateToken('tok'))).toMatchObject({
    status: 404,
    code: '404',
    message: 'X-Subject-Token is invalid in the request',
  })
})

test('listProjects(name) and listAuthProjects', async () => {
  const { client, fetch } = fixtureClient({
    'GET /v3/projects': { fixture: 'iam/listProjects.json' },
    'GET /v3/auth/projects': { fixture: 'iam/listProjects.json' },
  })
  expect((await client.iam.listProjects('cn-north-4')).data.projects[0]).toMatchObject({
    id: PROJECT,
    name: 'cn-north-4',
  })
  expect(fetch.calls[0]?.url).toBe(
    'https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4',
  )
  expect((await client.iam.listAuthProjects()).data.projects).toHaveLength(1)
})

test('gateway 401 envelope with request_id in the body', async () => {
  const { client } = fixtureClient({
    'GET /v3/auth/projects': {
      status: 401,
      fixture: 'iam/gateway-0301.json',
      headers: { 'x-request-id': '' },
    },
  })
  const error = await cloudError(client.iam.listAuthProjects())
  expect(error).toMatchObject({
    code: 'APIGW.0301',
    status: 401,
    requestId: 'c3d1d5a1b5e7d6a7e8f9',
    message: 'Incorrect IAM authentication information: verify aksk signature fail',
  })
})
