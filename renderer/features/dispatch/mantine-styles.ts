/**
 * The Mantine component styles the dispatcher's panels add to the shell's (renderer/app/mantine-styles.ts):
 * kept beside the feature so both lists can grow without touching each other.
 */
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/Table.layer.css';
