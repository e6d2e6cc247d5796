/**
 * What vtex.styleguide's Table v1 renders without, added to its DOM after it renders: it has no
 * props for any of it, and the page cannot do without the Table's sorting, paging and bulk
 * selection. Every fix only fills what is missing, so it is safe to run again on every change.
 */
export interface StyleguideLabels {
  previousPage: string
  nextPage: string
  clearSelection: string
  selectAll: string
  /** The row checkbox's name; `id` is what Table v1 puts in `row_<id>`: the row's index on the page. */
  selectRow: (id: string) => string
}

/** The Table's label comes from the nearest wrapper with this attribute. */
export const TABLE_LABEL_ATTRIBUTE = 'data-a11y-label'

export function applyStyleguideFixes(root: ParentNode, labels: StyleguideLabels): void {
  fixVirtualizedGrids(root)
  labelRowCheckboxes(root, labels)
  labelIconButtons(root, labels)
}

/**
 * Table v1 draws its cells with react-virtualized: a role="grid" whose one child is a role="row"
 * holding every cell of every row, without cell roles. That is not a grid a screen reader can
 * walk, and claims one (axe: aria-required-children). The roles go; the body becomes a named,
 * focusable region, so a keyboard can scroll it sideways on a phone.
 */
function fixVirtualizedGrids(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.ReactVirtualized__Grid__innerScrollContainer[role]').forEach((inner) => {
    inner.removeAttribute('role')
  })
  root.querySelectorAll<HTMLElement>('.ReactVirtualized__Grid[role="grid"]').forEach((grid) => {
    grid.removeAttribute('role')
    grid.removeAttribute('aria-readonly')
    grid.removeAttribute('aria-label')
    const isHeader = grid.parentElement?.classList.contains('TopRightGrid_ScrollWrapper') ?? false
    if (isHeader) return
    const label = grid.closest(`[${TABLE_LABEL_ATTRIBUTE}]`)?.getAttribute(TABLE_LABEL_ATTRIBUTE)
    grid.setAttribute('role', 'region')
    if (label) grid.setAttribute('aria-label', label)
    grid.setAttribute('tabindex', '0')
  })
}

function labelRowCheckboxes(root: ParentNode, labels: StyleguideLabels): void {
  root
    .querySelectorAll<HTMLInputElement>('input.vtex-checkbox__input[name^="row_"]:not([aria-label])')
    .forEach((input) => {
      const id = input.name.slice('row_'.length)
      input.setAttribute('aria-label', id === 'all' ? labels.selectAll : labels.selectRow(id))
    })
}

/**
 * Icon-only buttons: the pagination arrows (in an `ml4` and an `ml2` wrapper, previous first) and
 * the bulk-action bar's close button (which clears the selection).
 */
function labelIconButtons(root: ParentNode, labels: StyleguideLabels): void {
  root.querySelectorAll<HTMLButtonElement>('button.icon-button:not([aria-label])').forEach((button) => {
    if ((button.textContent ?? '').trim() !== '') return
    const wrapper = button.parentElement
    const label =
      wrapper?.className === 'ml4' && wrapper.nextElementSibling?.className === 'ml2'
        ? labels.previousPage
        : wrapper?.className === 'ml2' && wrapper.previousElementSibling?.className === 'ml4'
          ? labels.nextPage
          : button.closest('.tr.flex.flex-row.items-center')
            ? labels.clearSelection
            : undefined
    if (label) button.setAttribute('aria-label', label)
  })
}
