import { describe, expect, it } from 'vitest'

import type { Category } from '../../api/types'
import { categories } from '../../test/fixtures'
import { buildCategoryTree } from './categoryTree'

describe('buildCategoryTree', () => {
  it('nests children under parents and orders siblings by position', () => {
    const tree = buildCategoryTree(categories)

    expect(tree.map((node) => node.slug)).toEqual(['phones', 'laptops'])
    expect(tree[0]?.children.map((node) => node.slug)).toEqual(['iphones', 'android-phones'])
    expect(tree[1]?.children.map((node) => node.slug)).toEqual(['gaming-laptops'])
  })

  it('treats a category whose parent is missing as top level', () => {
    const orphan: Category = { id: 'x', slug: 'cables', name: 'Cables', parent_id: 'gone', position: 0 }

    expect(buildCategoryTree([orphan]).map((node) => node.slug)).toEqual(['cables'])
  })
})
