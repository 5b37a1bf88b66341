import { ComingSoon } from '../../components/ComingSoon'

export function CartPage() {
  return (
    <ComingSoon
      title="Your cart"
      sentence="The cart and checkout are coming to TechMarket soon; until then you can browse every listing."
    />
  )
}
