import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';
import { type Language, setLanguage } from './i18n.ts';
import { forgetPackets } from './field/field-store.ts';

export interface SpaceOfMe { id: string; kind: 'organization' | 'alliance'; name: string; role: 'owner' | 'admin' | 'member' | 'viewer'; organizationId: string | null }
export interface Me { id: string; email: string; displayName: string; locale: Language; isWorkspaceAdmin: boolean; digest: boolean; spaces: SpaceOfMe[] }
export interface Term { key: string; en: string; es: string }
export type Vocabularies = Record<'issue' | 'constituency' | 'sector' | 'capacity', Term[]>;
export interface UsState { fips: string; name: string; postal: string }

interface Session {
  me: Me | null;
  loading: boolean;
  vocab: Vocabularies | null;
  states: UsState[];
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  changeLanguage(lang: Language): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const KEPT_ACCOUNT = 'crossroads.account';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [vocab, setVocab] = useState<Vocabularies | null>(null);
  const [states, setStates] = useState<UsState[]>([]);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Me>('/me');
      setMe(next);
      localStorage.setItem(KEPT_ACCOUNT, JSON.stringify(next));
      await setLanguage(next.locale);
      const [v, s] = await Promise.all([api.get<Vocabularies>('/vocabularies'), api.get<UsState[]>('/areas/states')]);
      setVocab(v);
      setStates(s);
    } catch (err) {
      // No signal (a volunteer in the field): carry on as the account last seen on this device.
      const kept = localStorage.getItem(KEPT_ACCOUNT);
      if (!(err instanceof ApiError) && kept) {
        setMe(JSON.parse(kept) as Me);
        return;
      }
      if (!(err instanceof ApiError && err.status === 401)) throw err;
      localStorage.removeItem(KEPT_ACCOUNT);
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => { void refresh(); }, [refresh]);

  const signOut = useCallback(async () => {
    await api.post('/auth/logout');
    localStorage.removeItem(KEPT_ACCOUNT);
    // Turfs downloaded to this device leave with the person (results not yet sent stay, to be sent at the next sign-in).
    await forgetPackets();
    setMe(null);
  }, []);

  // The choice is remembered on the account, so it follows the person to their phone.
  const changeLanguage = useCallback(async (lang: Language) => {
    await setLanguage(lang);
    if (me) setMe(await api.patch<Me>('/me', { locale: lang }));
  }, [me]);

  return <SessionContext.Provider value={{ me, loading, vocab, states, refresh, signOut, changeLanguage }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** A vocabulary term's label in the current language. */
export function termLabel(vocab: Vocabularies | null, kind: keyof Vocabularies, key: string, lang: string): string {
  const term = vocab?.[kind].find((t) => t.key === key);
  return term ? (lang === 'es' ? term.es : term.en) : key;
}
