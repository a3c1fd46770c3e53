// The first run: while the organisation has no name, the window offers once to protect the
// data with a passphrase (optional), then asks for the organisation's name (and the scope
// and risk method); "Later" leaves it for the Organisation page.
import { useState } from 'react';
import { Button, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { PassphraseForm, passphraseKey } from '../data/Passphrase';
import { OrganisationForm, useOrganisation } from './OrganisationPage';

const LATER = 'ismsdesk.setupLater';

export function FirstRun() {
  const org = useOrganisation();
  const [later, setLater] = useState(() => typeof localStorage !== 'undefined' && localStorage.getItem(LATER) === '1');
  const [saved, setSaved] = useState(false);
  const [step, setStep] = useState<'passphrase' | 'organisation'>('passphrase');
  const open = org.isSuccess && org.data.name.trim() === '' && !later && !saved;
  const pass = useQuery({ queryKey: passphraseKey, queryFn: api.passphrase.status, enabled: open });
  const postpone = () => {
    localStorage.setItem(LATER, '1');
    setLater(true);
  };
  if (open && step === 'passphrase' && pass.data && !pass.data.encrypted) {
    return (
      <Modal opened onClose={() => setStep('organisation')} title={<Text fw={650} size="lg">Welcome to ISMS Desk: protect your data (optional)</Text>} size="lg" closeOnClickOutside={false}>
        <Text size="sm" mb="sm">
          An ISMS holds what an attacker would most like to read, such as the risks and their weaknesses. With a
          passphrase, the data on this computer, its evidence files and every backup are encrypted, and the window asks
          for the passphrase each time it opens. You can also set one later on the Data &amp; backup page.
        </Text>
        <PassphraseForm
          mode="set"
          minLength={pass.data.minLength}
          onDone={() => setStep('organisation')}
          secondary={
            <Button variant="subtle" color="gray" onClick={() => setStep('organisation')}>
              Not now
            </Button>
          }
        />
      </Modal>
    );
  }
  return (
    <Modal opened={open && (step === 'organisation' || pass.data?.encrypted === true || pass.isError)} onClose={postpone} title={<Text fw={650} size="lg">Welcome to ISMS Desk: set up your organisation</Text>} size="xl" closeOnClickOutside={false}>
      <Text size="sm" c="dimmed" mb="sm">
        Your organisation’s name and ISMS scope go on every report; the risk method decides how risks are scored. You can change all of it
        later on the Organisation page.
      </Text>
      <OrganisationForm compact onSaved={() => setSaved(true)} secondary={<Button variant="subtle" color="gray" onClick={postpone}>Later</Button>} />
    </Modal>
  );
}
