import { Link } from '../router';
import { usePageTitle } from './page-title';

export function NotFoundView() {
  usePageTitle('Sidan finns inte');
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </>
  );
}
