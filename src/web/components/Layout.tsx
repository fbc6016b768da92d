import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { api } from '../api.ts';
import { useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  // Checked on each page change: cheap, and no connection kept open.
  useEffect(() => { if (me) api.get<{ unread: number }>('/notifications').then((n) => setUnread(n.unread), () => undefined); }, [me, location.pathname]);
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded px-2 py-1 ${isActive ? 'bg-amber-100 font-semibold text-amber-900' : 'hover:bg-stone-100'}`;
  return (
    <>
      <a href="#main" className="skip-link">{t('nav.skip')}</a>
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2">
          <Link to="/" className="text-lg font-bold text-amber-800">{t('app.name')}</Link>
          <nav aria-label={t('nav.main')} className="flex flex-wrap gap-1 text-sm">
            <NavLink to="/" end className={navClass}>{t('nav.directory')}</NavLink>
            <NavLink to="/field" className={navClass}>{t('nav.field')}</NavLink>
            <NavLink to="/outreach" className={navClass}>{t('nav.outreach')}</NavLink>
            <NavLink to="/spaces" className={navClass}>{t('nav.spaces')}</NavLink>
            <NavLink to="/vocabularies" className={navClass}>{t('nav.lists')}</NavLink>
            <NavLink to="/notifications" className={navClass}>{t('nav.notifications')}{unread > 0 && <span className="ml-1 rounded-full bg-amber-700 px-1.5 text-xs text-white">{unread}<span className="sr-only"> {t('nav.unread')}</span></span>}</NavLink>
            <NavLink to="/account" className={navClass}>{t('nav.account')}</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <LanguageSwitch />
            {me && <span className="hidden text-stone-600 sm:inline">{me.displayName}</span>}
            <button type="button" onClick={() => void signOut()} className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100">{t('nav.signOut')}</button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-4">{children}</main>
    </>
  );
}
