import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconMoon, IconSearch, IconSun } from '@tabler/icons-react';

/** ThemeSwitch is the header's search button and light / dark switch. */
export function ThemeSwitch() {
  const { setColorScheme } = useMantineColorScheme();
  const dark = useComputedColorScheme('light') === 'dark';
  return (
    <>
      <Tooltip label="Search and commands (Ctrl K)" position="bottom">
        <ActionIcon variant="subtle" color="gray.3" size="lg" aria-label="Search and commands" onClick={() => spotlight.open()}>
          <IconSearch size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={dark ? 'Light theme (Ctrl Shift L)' : 'Dark theme (Ctrl Shift L)'} position="bottom">
        <ActionIcon variant="subtle" color="gray.3" size="lg" aria-label={dark ? 'Switch to the light theme' : 'Switch to the dark theme'} onClick={() => setColorScheme(dark ? 'light' : 'dark')}>
          {dark ? <IconSun size={18} /> : <IconMoon size={18} />}
        </ActionIcon>
      </Tooltip>
    </>
  );
}
