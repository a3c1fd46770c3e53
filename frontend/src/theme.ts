import { createTheme } from '@mantine/core';

/** The ISMS Desk theme: a calm, dense desktop look. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    '"Inter Variable", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    NavLink: { defaultProps: { variant: "light", className: "nav-link" } },
  },
});
