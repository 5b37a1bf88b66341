import type { Category } from '../../api/types'

export type CategoryNode = Category & { children: CategoryNode[] }

const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) =>
  a.position - b.position || a.name.localeCompare(b.name)

/**
 * Builds the category hierarchy from the flat list the API sends, siblings ordered by
 * `position`. A category whose parent is missing from the list is treated as top level.
 */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>()
  for (const category of categories) {
    nodes.set(category.id, { ...category, children: [] })
  }
  const roots: CategoryNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id)
    if (parent) {
      parent.children.push(node)
    } else {
      roots.push(node)
    }
  }
  const sortTree = (level: CategoryNode[]) => {
    level.sort(byPosition)
    for (const node of level) sortTree(node.children)
  }
  sortTree(roots)
  return roots
}
