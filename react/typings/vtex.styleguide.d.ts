/**
 * The part of vtex.styleguide 9.x this app uses, typed from the component propTypes of
 * @vtex/styleguide 9.146.13 (lib/<Component>/index.js). On VTEX IO the module resolves from
 * manifest.json dependencies; in the local harness esbuild aliases it to the npm package.
 */
declare module 'vtex.styleguide' {
  import type { ChangeEvent, ComponentType, FormEvent, KeyboardEvent, MouseEvent, ReactElement, ReactNode } from 'react'

  type Size = 'small' | 'regular' | 'large'

  export const Layout: ComponentType<{ pageHeader: ReactNode; fullWidth?: boolean; children: ReactNode }>

  export const PageHeader: ComponentType<{
    title: ReactNode
    subtitle?: ReactNode
    linkLabel?: ReactNode
    onLinkClick?: () => void
    children?: ReactNode
  }>

  export const PageBlock: ComponentType<{
    variation?: 'full' | 'half' | 'annotated' | 'aside'
    title?: string
    subtitle?: string
    titleAside?: ReactNode
    testId?: string
    children: ReactNode
  }>

  export const Card: ComponentType<{ noPadding?: boolean; children: ReactNode }>

  export const Tag: ComponentType<{
    type?: 'success' | 'error' | 'warning'
    variation?: 'default' | 'low'
    size?: Size
    bgColor?: string
    color?: string
    disabled?: boolean
    onClick?: (event: MouseEvent) => void
    children: ReactNode
  }>

  interface ButtonProps {
    variation?: 'primary' | 'secondary' | 'tertiary' | 'inverted-tertiary' | 'danger' | 'danger-tertiary'
    size?: Size
    block?: boolean
    isLoading?: boolean
    disabled?: boolean
    type?: 'button' | 'submit' | 'reset'
    href?: string
    target?: string
    rel?: string
    download?: string
    id?: string
    testId?: string
    noUpperCase?: boolean
    onClick?: (event: MouseEvent<HTMLButtonElement | HTMLAnchorElement>) => void
    children?: ReactNode
  }
  export const Button: ComponentType<ButtonProps & { children: ReactNode }>
  export const ButtonWithIcon: ComponentType<ButtonProps & { icon: ReactNode; iconPosition?: 'left' | 'right' }>
  export interface DropdownOption {
    value: string | number
    label: string | number
    disabled?: boolean
  }
  export const Dropdown: ComponentType<{
    label?: ReactNode
    options: DropdownOption[]
    value?: string | number
    placeholder?: string | number
    size?: Size
    variation?: 'default' | 'inline'
    disabled?: boolean
    error?: boolean
    errorMessage?: ReactNode
    helpText?: ReactNode
    id?: string
    testId?: string
    name?: string
    preventTruncate?: boolean
    onChange: (event: ChangeEvent<HTMLSelectElement>, value: string) => void
  }>

  export const Input: ComponentType<{
    label?: string | ReactElement
    type?: string
    value?: string | number
    placeholder?: string
    size?: Size
    id?: string
    testId?: string
    name?: string
    min?: string
    max?: string
    maxLength?: number
    disabled?: boolean
    readOnly?: boolean
    error?: boolean
    errorMessage?: string
    helpText?: ReactNode
    prefix?: ReactNode
    suffix?: ReactNode
    dataAttributes?: Record<string, string>
    onChange?: (event: ChangeEvent<HTMLInputElement>) => void
    onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void
    onBlur?: (event: ChangeEvent<HTMLInputElement>) => void
  }>

  export const InputSearch: ComponentType<{
    value: string
    label?: string | ReactElement
    placeholder?: string
    size?: Size
    id?: string
    testId?: string
    disabled?: boolean
    dataAttributes?: Record<string, string>
    onChange: (event: ChangeEvent<HTMLInputElement>) => void
    onSubmit: (event: FormEvent<HTMLFormElement>) => void
    onClear?: () => void
  }>

  export const Textarea: ComponentType<{
    label?: string | ReactElement
    value?: string
    placeholder?: string
    helpText?: ReactNode
    rows?: number
    maxLength?: number
    resize?: 'both' | 'horizontal' | 'none' | 'vertical'
    id?: string
    onChange?: (event: ChangeEvent<HTMLTextAreaElement>) => void
  }>

  export const Modal: ComponentType<{
    isOpen: boolean
    onClose: () => void
    title?: ReactNode
    bottomBar?: ReactNode
    centered?: boolean
    responsiveFullScreen?: boolean
    showBottomBarBorder?: boolean
    showCloseIcon?: boolean
    showTopBar?: boolean
    closeOnEsc?: boolean
    closeOnOverlayClick?: boolean
    children: ReactNode
  }>

  export const Alert: ComponentType<{
    type: 'success' | 'error' | 'warning'
    onClose?: () => void
    autoClose?: number
    focusOnOpen?: boolean
    closeIconLabel?: string
    action?: { label: ReactNode; onClick: () => void }
    children: ReactNode
  }>

  export const Spinner: ComponentType<{ size?: number; color?: string; block?: boolean }>

  export const EmptyState: ComponentType<{ title?: ReactNode; height?: number; testId?: string; children?: ReactNode }>

  export const Tabs: ComponentType<{ fullWidth?: boolean; sticky?: boolean; children: ReactNode }>
  export const Tab: ComponentType<{
    label: ReactNode
    active?: boolean
    disabled?: boolean
    fullWidth?: boolean
    onClick?: () => void
    children?: ReactNode
  }>

  export interface TotalizerItem {
    label: string
    value: ReactNode
    icon?: ReactNode
    iconBackgroundColor?: string
    isLoading?: boolean
    invertedWeight?: boolean
  }
  export const Totalizer: ComponentType<{ items: TotalizerItem[]; horizontalLayout?: boolean; mobileScroll?: boolean }>

  export const Progress: ComponentType<
    | { type: 'line'; percent: number }
    | { type?: 'steps'; steps: Array<'completed' | 'inProgress' | 'toDo'>; danger?: boolean; slim?: boolean }
  >

  /** Table v1 (react-virtualized underneath). Cell renderers get the whole row. */
  export interface TableCellProps<Row> {
    cellData: unknown
    rowData: Row
    updateCellMeasurements?: () => void
  }
  export interface TableColumn<Row> {
    title?: ReactNode
    width?: number
    minWidth?: number
    sortable?: boolean
    headerRight?: boolean
    cellRenderer?: (props: TableCellProps<Row>) => ReactNode
    headerRenderer?: (props: { title: ReactNode }) => ReactNode
  }
  export interface TableSort {
    sortOrder: 'ASC' | 'DESC'
    sortedBy: string
  }
  export interface TableProps<Row> {
    items: Row[]
    schema: { properties: Record<string, TableColumn<Row>> }
    loading?: boolean
    fullWidth?: boolean
    fixFirstColumn?: boolean
    dynamicRowHeight?: boolean
    density?: 'low' | 'medium' | 'high'
    containerHeight?: number
    disableHeader?: boolean
    updateTableKey?: string
    emptyStateLabel?: string
    emptyStateChildren?: ReactNode
    onRowClick?: (args: { event: MouseEvent; index: number; rowData: Row }) => void
    sort?: TableSort
    onSort?: (sort: TableSort) => void
    pagination?: {
      currentItemFrom: number
      currentItemTo: number
      totalItems: number
      textOf: ReactNode
      textShowRows?: ReactNode
      rowsOptions?: number[]
      selectedOption?: number
      onRowsChange?: (event: ChangeEvent<HTMLSelectElement>, value: string) => void
      onNextClick: () => void
      onPrevClick: () => void
    }
    bulkActions?: {
      texts: { secondaryActionsLabel: string; rowsSelected: (count: ReactNode) => ReactNode }
      totalItems?: number
      selectedRows?: Row[]
      fixed?: boolean
      onChange?: (selection: { selectedRows?: Row[]; allLinesSelected?: boolean }) => void
      main: { label: string; handleCallback: (selection: { selectedRows?: Row[]; allLinesSelected?: boolean }) => void }
    }
  }
  export function Table<Row>(props: TableProps<Row>): ReactElement | null

  /** Charts (EXPERIMENTAL_Charts, recharts underneath). */
  export const LineChart: ComponentType<{
    data: Array<Record<string, string | number>>
    dataKeys: string[]
    xAxisKey: string
    tooltipFormatter?: (value: number, name: string) => ReactNode | [ReactNode, ReactNode]
    config?: Record<string, Record<string, unknown>>
    lineProps?: Record<string, unknown>
  }>
  export const BarChart: ComponentType<{
    data: Array<Record<string, string | number>>
    xAxisKey: string
    yAxisKey: string
    config?: Record<string, Record<string, unknown>>
    barProps?: Record<string, unknown>
  }>

  export interface ToastOptions {
    message: string
    action?: { label: string; onClick: () => void }
    dismissable?: boolean
    duration?: number
    horizontalPosition?: 'left' | 'right'
    keepAfterUpdate?: boolean
  }
  export interface ToastApi {
    showToast: (options: ToastOptions | string) => void
    hideToast: () => void
    toastState: unknown
  }
  export const ToastProvider: ComponentType<{ positioning?: 'parent' | 'window'; children: ReactNode }>
  /** The context behind ToastConsumer (exported by the styleguide as ToastContext). */
  export const ToastContext: import('react').Context<ToastApi>

  type IconProps = { size?: number; color?: string; block?: boolean }
  export const IconDownload: ComponentType<IconProps>
  export const IconExternalLinkMini: ComponentType<IconProps>
}
