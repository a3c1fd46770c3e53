import { Tabs } from '@mantine/core';
import { IconFileImport, IconHistory } from '@tabler/icons-react';
import { useNavigate } from 'react-router';

/** ImportTabs switches between the wizard and the import history. */
export function ImportTabs({ value }: { value: 'wizard' | 'history' }) {
  const navigate = useNavigate();
  return (
    <Tabs value={value} onChange={(v) => navigate(v === 'history' ? '/import/history' : '/import')} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="wizard" leftSection={<IconFileImport size={16} />}>New import</Tabs.Tab>
        <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>Import history</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
