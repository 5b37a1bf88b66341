import { ComingSoon } from '../../components/ComingSoon'

export function AccountPage() {
  return (
    <ComingSoon
      title="Your account"
      sentence="Accounts, sign-in and selling are coming to TechMarket soon; until then you can browse every listing."
    />
  )
}
