import { z } from 'zod'
import { optBool, optObject, optText, requiredText } from '../parse/fields.js'
import { itemList } from '../parse/item-list.js'

// IAM projects, cloud-api.md §6.3 (spec KeystoneListProjects / KeystoneListAuthProjects).
export const projectSchema = z.looseObject({
  id: requiredText,
  name: requiredText,
  domain_id: optText,
  parent_id: optText,
  enabled: optBool,
  is_domain: optBool,
  description: optText,
})
export const projectListSchema = z.looseObject({
  projects: itemList(projectSchema),
  links: optObject,
})

export type IamProject = z.output<typeof projectSchema>
export type IamProjectList = z.output<typeof projectListSchema>
