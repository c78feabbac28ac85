import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Me } from './api.js';
import { isLanguage, storedLanguage } from './i18n/index.js';

export const ME_KEY = ['me'] as const;

/** Who is signed in (null when nobody): GET /me with the session cookie. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
}

export function isReviewer(me: Me | null | undefined): boolean {
  return !!me && (me.roles.includes('compliance_officer') || me.roles.includes('admin'));
}

export function isSellerMember(me: Me | null | undefined): boolean {
  return !!me && me.memberships.length > 0;
}

/** Without a choice made on this device, the UI follows the language saved in the user's profile. */
export function useProfileLanguage(me: Me | null | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (me && !storedLanguage() && isLanguage(me.locale) && me.locale !== i18n.language) void i18n.changeLanguage(me.locale);
  }, [me, i18n]);
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.logout(),
    onSettled: () => {
      client.setQueryData(ME_KEY, null);
      // What belongs to the user goes; what belongs to the server (reference data, sandbox or not) stays.
      const kept = new Set(['me', 'reference', 'sandbox-on']);
      client.removeQueries({ predicate: (q) => !kept.has(String(q.queryKey[0])) });
    },
  });
}
