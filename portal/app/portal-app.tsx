import { lazy, Suspense, type ReactNode } from 'react';
import { Redirect, Route, Router, Switch, useSearchParams } from 'wouter';
import { OidcResultSchema, type PortalMe } from '../../shared/contract/portal-http';
import { useMe } from '../api/session';
import { Loading, QueryState } from '../components/query-state';
import { AppointmentScreen } from '../features/appointment/appointment-screen';
import { BookScreen } from '../features/book/book-screen';
import { FeedbackScreen } from '../features/feedback/feedback-screen';
import { HomeScreen } from '../features/home/home-screen';
import { ProfileScreen } from '../features/profile/profile-screen';
import { PasswordResetScreen } from '../features/sign-in/password-reset-screen';
import { RedeemScreen } from '../features/sign-in/redeem-screen';
import { SignInScreen } from '../features/sign-in/sign-in-screen';
import { NotFoundScreen } from './not-found-screen';
import { useT } from '../i18n/use-t';
import { useHashPath } from './hash-location';
import { PortalLayout } from './portal-layout';

// The map (Leaflet) is only needed while a technician is on the way: its own chunk.
const TrackingScreen = lazy(() => import('../features/tracking/tracking-screen'));

/** Screens by route; signed-out visitors reach only sign-in, redeem and reset. */
export function PortalApp() {
  const t = useT();
  const me = useMe();
  return (
    <Router hook={useHashPath} searchHook={useHashPath.searchHook}>
      <QueryState query={me} loadingLabel={t('app.loading')}>
        {(signedIn) => (
          <PortalLayout me={signedIn}>
            <Suspense fallback={<Loading label={t('app.loading')} />}>
              <Switch>
                <Route path="/sign-in">{signedIn ? <SignedInAlready /> : <SignInScreen />}</Route>
                <Route path="/redeem">{signedIn ? <Redirect to="/" replace /> : <RedeemScreen />}</Route>
                <Route path="/reset">{signedIn ? <Redirect to="/" replace /> : <PasswordResetScreen />}</Route>
                <Route path="/">{signedInOnly(signedIn, (me) => <HomeScreen me={me} />)}</Route>
                <Route path="/book">{signedInOnly(signedIn, () => <BookScreen />)}</Route>
                <Route path="/profile">{signedInOnly(signedIn, (me) => <ProfileScreen me={me} />)}</Route>
                <Route path="/appointments/:bookingId/tracking">{(params) => signedInOnly(signedIn, () => <TrackingScreen bookingId={params.bookingId} />)}</Route>
                <Route path="/appointments/:bookingId/feedback">{(params) => signedInOnly(signedIn, () => <FeedbackScreen bookingId={params.bookingId} />)}</Route>
                <Route path="/appointments/:bookingId">{(params) => signedInOnly(signedIn, () => <AppointmentScreen bookingId={params.bookingId} />)}</Route>
                <Route>{signedIn ? <NotFoundScreen /> : <Redirect to="/sign-in" replace />}</Route>
              </Switch>
            </Suspense>
          </PortalLayout>
        )}
      </QueryState>
    </Router>
  );
}

/**
 * Signed in already: home — unless the hub sent the browser back from the external sign-in
 * issuer with a reason (a link that did not finish), which Profile then shows.
 */
function SignedInAlready() {
  const result = OidcResultSchema.safeParse(useSearchParams()[0].get('oidc'));
  return <Redirect to={result.success ? `/profile?oidc=${result.data}` : '/'} replace />;
}

function signedInOnly(me: PortalMe | null, screen: (me: PortalMe) => ReactNode): ReactNode {
  return me ? screen(me) : <Redirect to="/sign-in" replace />;
}
