// The first run: while the organisation has no name, the window asks for it (and the scope
// and risk method) once; "Later" leaves it for the Organisation page.
import { useState } from 'react';
import { Button, Modal, Text } from '@mantine/core';
import { OrganisationForm, useOrganisation } from './OrganisationPage';

const LATER = 'ismsdesk.setupLater';

export function FirstRun() {
  const org = useOrganisation();
  const [later, setLater] = useState(() => typeof localStorage !== 'undefined' && localStorage.getItem(LATER) === '1');
  const [saved, setSaved] = useState(false);
  const open = org.isSuccess && org.data.name.trim() === '' && !later && !saved;
  const postpone = () => {
    localStorage.setItem(LATER, '1');
    setLater(true);
  };
  return (
    <Modal opened={open} onClose={postpone} title={<Text fw={650} size="lg">Welcome to ISMS Desk: set up your organisation</Text>} size="xl" closeOnClickOutside={false}>
      <Text size="sm" c="dimmed" mb="sm">
        Your organisation’s name and ISMS scope go on every report; the risk method decides how risks are scored. You can change all of it
        later on the Organisation page.
      </Text>
      <OrganisationForm compact onSaved={() => setSaved(true)} secondary={<Button variant="subtle" color="gray" onClick={postpone}>Later</Button>} />
    </Modal>
  );
}
