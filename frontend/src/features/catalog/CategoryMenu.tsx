import CategoryIcon from '@mui/icons-material/Category'
import CloseIcon from '@mui/icons-material/Close'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Divider from '@mui/material/Divider'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import ListSubheader from '@mui/material/ListSubheader'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useMemo, useState } from 'react'
import { Link as RouterLink } from 'react-router'

import { useGetCategoriesQuery } from '../../api/catalog'
import { buildCategoryTree, type CategoryNode } from './categoryTree'

const categoryPath = (slug: string) => `/categories/${encodeURIComponent(slug)}`

/** The header's "Categories" entry: a menu on wide screens, a drawer on phones. */
export function CategoryMenu() {
  const theme = useTheme()
  const onPhone = useMediaQuery(theme.breakpoints.down('sm'))
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const menuId = useId()
  const { data, isLoading, isError, refetch } = useGetCategoriesQuery()
  const tree = useMemo(() => buildCategoryTree(data ?? []), [data])
  const open = onPhone ? drawerOpen : anchor !== null

  const close = () => {
    setAnchor(null)
    setDrawerOpen(false)
  }

  const status = isLoading ? (
    <div className="flex justify-center p-4">
      <CircularProgress size={24} aria-label="Loading categories" />
    </div>
  ) : isError ? (
    <Alert
      severity="error"
      className="m-2"
      action={
        <Button color="inherit" size="small" onClick={() => void refetch()}>
          Retry
        </Button>
      }
    >
      Categories could not be loaded.
    </Alert>
  ) : null

  return (
    <>
      <Button
        color="inherit"
        startIcon={<CategoryIcon />}
        aria-label="Categories"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={(event) => (onPhone ? setDrawerOpen(true) : setAnchor(event.currentTarget))}
      >
        <span className="hidden sm:inline">Categories</span>
      </Button>
      {onPhone ? (
        <Drawer anchor="left" open={drawerOpen} onClose={close} slotProps={{ paper: { id: menuId, className: 'w-72' } }}>
          <div className="flex items-center justify-between py-1 pl-4 pr-1">
            <Typography variant="h3" component="h2">
              Categories
            </Typography>
            <IconButton aria-label="Close categories" onClick={close}>
              <CloseIcon />
            </IconButton>
          </div>
          <Divider />
          {status}
          <nav aria-label="Categories">
            <List dense>
              {tree.map((category) => (
                <CategoryDrawerEntry key={category.id} category={category} onNavigate={close} />
              ))}
            </List>
          </nav>
        </Drawer>
      ) : (
        <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={close}>
          {status}
          {tree.flatMap((category, index) => categoryMenuItems(category, index, close))}
        </Menu>
      )}
    </>
  )
}

/** Menu rows for one top-level category and its children, flat: MUI's Menu takes no Fragments. */
function categoryMenuItems(category: CategoryNode, index: number, onNavigate: () => void) {
  return [
    index > 0 ? <Divider key={`${category.id}-divider`} /> : null,
    <MenuItem key={category.id} component={RouterLink} to={categoryPath(category.slug)} onClick={onNavigate}>
      <ListItemText primary={category.name} slotProps={{ primary: { className: 'font-semibold' } }} />
    </MenuItem>,
    ...category.children.map((child) => (
      <MenuItem key={child.id} component={RouterLink} to={categoryPath(child.slug)} onClick={onNavigate} className="pl-8">
        <ListItemText primary={child.name} />
      </MenuItem>
    )),
  ]
}

function CategoryDrawerEntry({ category, onNavigate }: { category: CategoryNode; onNavigate: () => void }) {
  return (
    <li>
      <List dense subheader={<ListSubheader>{category.name}</ListSubheader>}>
        <ListItemButton component={RouterLink} to={categoryPath(category.slug)} onClick={onNavigate}>
          <ListItemText primary={`All ${category.name}`} />
        </ListItemButton>
        {category.children.map((child) => (
          <ListItemButton key={child.id} component={RouterLink} to={categoryPath(child.slug)} onClick={onNavigate}>
            <ListItemText primary={child.name} />
          </ListItemButton>
        ))}
      </List>
    </li>
  )
}
