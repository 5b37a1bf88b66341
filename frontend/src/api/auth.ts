import { tokenReceived } from '../features/auth/authSlice'
import { refreshAccessToken, type RefreshOutcome } from './baseQuery'
import { techmarketApi } from './techmarketApi'
import type {
  ActivityPage,
  ChangePasswordRequest,
  DisableMfaRequest,
  LoginRequest,
  LoginResponse,
  Me,
  MfaLoginRequest,
  OAuthProvider,
  OAuthProviderList,
  PasswordStrength,
  PasswordStrengthRequest,
  RecoveryCodes,
  RegisterRequest,
  ResetPasswordRequest,
  Session,
  SessionList,
  TokenPair,
  TotpSetup,
} from './types'

/** Calls that prove who someone is: no bearer token, and a 401 means wrong credentials. */
const credentialCall = { auth: false } as const

export function isTokenPair(response: LoginResponse): response is TokenPair {
  return 'access_token' in response
}

const storeTokens = (tokens: TokenPair) =>
  tokenReceived({ accessToken: tokens.access_token, expiresIn: tokens.expires_in, receivedAt: Date.now() })

export const authApi = techmarketApi.enhanceEndpoints({ addTagTypes: ['Me', 'Sessions', 'Activity'] }).injectEndpoints({
  endpoints: (build) => ({
    register: build.mutation<Me, RegisterRequest>({
      query: (body) => ({ url: '/auth/register', method: 'POST', body }),
      extraOptions: credentialCall,
    }),
    /** For the live strength meter; the password stays out of the store (`track: false`). */
    checkPasswordStrength: build.mutation<PasswordStrength, PasswordStrengthRequest>({
      query: (body) => ({ url: '/auth/password/strength', method: 'POST', body }),
      extraOptions: credentialCall,
    }),
    /** Answers tokens (stored in the auth slice) or an MFA challenge for `loginMfa`. */
    login: build.mutation<LoginResponse, LoginRequest>({
      query: (body) => ({ url: '/auth/login', method: 'POST', body }),
      extraOptions: credentialCall,
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled
          if (isTokenPair(data)) dispatch(storeTokens(data))
        } catch {
          // The page shows the error.
        }
      },
    }),
    loginMfa: build.mutation<TokenPair, MfaLoginRequest>({
      query: (body) => ({ url: '/auth/login/mfa', method: 'POST', body }),
      extraOptions: credentialCall,
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          dispatch(storeTokens((await queryFulfilled).data))
        } catch {
          // The page shows the error.
        }
      },
    }),
    /**
     * The social sign-in providers the server has configured (empty when none). Signing in
     * with one is a full-page navigation, not a request: see `startSocialSignIn`.
     */
    getOAuthProviders: build.query<OAuthProvider[], void>({
      query: () => '/auth/oauth/providers',
      transformResponse: (response: OAuthProviderList) => response.items,
      extraOptions: credentialCall,
    }),
    /** Swaps the httpOnly refresh cookie for a new access token (shared with the base query's refresh). */
    refreshSession: build.mutation<RefreshOutcome, void>({
      queryFn: async (_arg, api) => ({ data: await refreshAccessToken(api) }),
    }),
    /**
     * Ends the session on the server and clears its cookie. Use `signOut()` (features/auth),
     * which also forgets the token here whatever the server answered.
     */
    logout: build.mutation<null, void>({
      query: () => ({ url: '/auth/logout', method: 'POST', body: {}, timeout: 10_000 }),
    }),
    verifyEmail: build.mutation<null, { token: string }>({
      query: (body) => ({ url: '/auth/email/verify', method: 'POST', body }),
      extraOptions: credentialCall,
      invalidatesTags: ['Me', 'Activity'],
    }),
    resendVerification: build.mutation<null, void>({
      query: () => ({ url: '/auth/email/verify/resend', method: 'POST', body: {} }),
    }),
    forgotPassword: build.mutation<null, { email: string }>({
      query: (body) => ({ url: '/auth/password/forgot', method: 'POST', body }),
      extraOptions: credentialCall,
    }),
    resetPassword: build.mutation<null, ResetPasswordRequest>({
      query: (body) => ({ url: '/auth/password/reset', method: 'POST', body }),
      extraOptions: credentialCall,
    }),
    changePassword: build.mutation<null, ChangePasswordRequest>({
      query: (body) => ({ url: '/auth/password/change', method: 'POST', body }),
      invalidatesTags: ['Sessions', 'Activity'],
    }),
    setupTotp: build.mutation<TotpSetup, void>({
      query: () => ({ url: '/auth/mfa/totp/setup', method: 'POST', body: {} }),
    }),
    confirmTotp: build.mutation<RecoveryCodes, { code: string }>({
      query: (body) => ({ url: '/auth/mfa/totp/confirm', method: 'POST', body }),
      invalidatesTags: ['Me', 'Activity'],
    }),
    disableTotp: build.mutation<null, DisableMfaRequest>({
      query: (body) => ({ url: '/auth/mfa/totp/disable', method: 'POST', body }),
      invalidatesTags: ['Me', 'Activity'],
    }),
    getSessions: build.query<Session[], void>({
      query: () => '/auth/sessions',
      transformResponse: (response: SessionList) => response.items,
      providesTags: ['Sessions'],
    }),
    revokeSession: build.mutation<null, string>({
      query: (id) => ({ url: `/auth/sessions/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Sessions', 'Activity'],
    }),
    /** The security log, newest first, page by page through `next_cursor`. */
    getActivity: build.infiniteQuery<ActivityPage, void, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.next_cursor,
      },
      query: ({ pageParam }) =>
        pageParam ? `/auth/activity?${new URLSearchParams({ cursor: pageParam }).toString()}` : '/auth/activity',
      providesTags: ['Activity'],
    }),
  }),
})

export const {
  useRegisterMutation,
  useLoginMutation,
  useLoginMfaMutation,
  useGetOAuthProvidersQuery,
  useVerifyEmailMutation,
  useResendVerificationMutation,
  useForgotPasswordMutation,
  useResetPasswordMutation,
  useChangePasswordMutation,
  useSetupTotpMutation,
  useConfirmTotpMutation,
  useDisableTotpMutation,
  useGetSessionsQuery,
  useRevokeSessionMutation,
  useGetActivityInfiniteQuery,
} = authApi
