import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Notice } from '../../components/ui.js';
import { useMe } from '../../session.js';
import { isAdmin } from '../admin/access.js';
import { type FulfilmentWarehouse, isFulfilmentWarehouse } from './api.js';
import { DispatchTab } from './DispatchTab.js';
import { PackTab } from './PackTab.js';
import { PickTab } from './PickTab.js';
import { ReceiveTab } from './ReceiveTab.js';
import { WarehouseSelect } from './shared.js';

const TABS = ['receive', 'pick', 'pack', 'dispatch'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string): value is Tab => (TABS as readonly string[]).includes(value);

const WAREHOUSE_STORAGE = 'saphan.gtc.warehouse';

/** The warehouse this device works in: remembered on the device (a station stays where it is). */
function useStationWarehouse(): [FulfilmentWarehouse, (code: FulfilmentWarehouse) => void] {
  const [warehouse, setWarehouse] = useState<FulfilmentWarehouse>(() => {
    try {
      const stored = localStorage.getItem(WAREHOUSE_STORAGE);
      return isFulfilmentWarehouse(stored) ? stored : 'GTC-BKK';
    } catch {
      return 'GTC-BKK';
    }
  });
  const choose = (code: FulfilmentWarehouse) => {
    setWarehouse(code);
    try {
      localStorage.setItem(WAREHOUSE_STORAGE, code);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return [warehouse, choose];
}

function ConsoleTabs({ tab }: { tab: string }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs gtc-tabs" aria-label={t('gtc.console_title')}>
      {TABS.map((name) => (
        <Link
          key={name}
          href={`/gtc/${name}`}
          className={tab === name ? 'tab active' : 'tab'}
          aria-current={tab === name ? 'page' : undefined}
          data-testid={`gtc-tab-${name}`}
        >
          {t(`gtc.tab.${name}`)}
        </Link>
      ))}
    </nav>
  );
}

/** /gtc/:tab — the GTC warehouse console (operators and admins): receive, pick, pack, dispatch. */
export function GtcConsolePage({ tab }: { tab: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [warehouse, setWarehouse] = useStationWarehouse();
  if (!me || !(me.roles.includes('gtc_operator') || isAdmin(me))) {
    return (
      <Notice kind="error" testId="gtc-forbidden">
        {t('common.forbidden')}
      </Notice>
    );
  }
  return (
    <div data-testid="gtc-console" data-tab={tab} data-warehouse={warehouse}>
      <div className="page-head">
        <h1>{t('gtc.console_title')}</h1>
      </div>
      <WarehouseSelect id="gtc-warehouse" value={warehouse} onChange={setWarehouse} testId="gtc-warehouse" />
      <ConsoleTabs tab={tab} />
      {/* Keyed by warehouse: a station that changes warehouse starts from a clean screen. */}
      {tab === 'receive' ? <ReceiveTab key={warehouse} warehouse={warehouse} /> : null}
      {tab === 'pick' ? <PickTab key={warehouse} warehouse={warehouse} /> : null}
      {tab === 'pack' ? <PackTab key={warehouse} warehouse={warehouse} /> : null}
      {tab === 'dispatch' ? <DispatchTab key={warehouse} warehouse={warehouse} /> : null}
      {isTab(tab) ? null : (
        <Notice kind="error" testId="gtc-unknown-tab">
          {t('common.not_found')}
        </Notice>
      )}
    </div>
  );
}
