import { z } from 'zod'

export const projectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string().nullish(),
  parent_id: z.string().nullish(),
  enabled: z.boolean().nullish(),
  is_domain: z.boolean().nullish(),
  description: z.string().nullish(),
})
export const projectListSchema = z.looseObject({
  projects: z.array(projectSchema),
  links: z.looseObject({}).nullish(),
})

export type IamProject = z.output<typeof projectSchema>
export type IamProjectList = z.output<typeof projectListSchema>
