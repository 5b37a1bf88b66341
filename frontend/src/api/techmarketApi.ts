import { createApi, fetchBaseQuery } from '@reduxjs/toolkit/query/react'

/**
 * The one RTK Query API of the app. Each area injects its endpoints
 * (see `catalog.ts`), so this file stays free of feature knowledge.
 */
export const techmarketApi = createApi({
  reducerPath: 'techmarketApi',
  baseQuery: fetchBaseQuery({ baseUrl: '/api/v1' }),
  endpoints: () => ({}),
})
