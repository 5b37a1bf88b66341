import { createApi } from '@reduxjs/toolkit/query/react'

import { baseQueryWithReauth } from './baseQuery'

/**
 * The one RTK Query API of the app. Each area injects its endpoints
 * (see `catalog.ts`), so this file stays free of feature knowledge. The base query
 * (`baseQuery.ts`) adds the bearer token and refreshes it once on a 401.
 */
export const techmarketApi = createApi({
  reducerPath: 'techmarketApi',
  baseQuery: baseQueryWithReauth,
  endpoints: () => ({}),
})
