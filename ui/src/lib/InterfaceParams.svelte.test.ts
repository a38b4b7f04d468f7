import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import InterfaceParams from './InterfaceParams.svelte';
import Chips from './Chips.svelte';
import type { FormField } from '../ipc';

afterEach(cleanup);

/** Opens the collapsed group as a click on its summary would (jsdom does not toggle <details>). */
async function openGroup() {
  const group = screen.getByTestId('interface-params') as HTMLDetailsElement;
  group.open = true;
  await fireEvent(group, new Event('toggle'));
}

const fields: FormField[] = [
  { name: ':menu_position', meaning: 'Where the menu sits.', field: { kind: 'choice', values: ['top', 'bottom', 'none'] } },
  { name: ':hide_menu', meaning: 'Hide the menu.', field: { kind: 'bool' } },
  { name: 'hide_tool', meaning: 'Toolbar icons.', field: { kind: 'codes', values: ['dp', 'fo'] } },
];

describe('interface parameters', () => {
  it('enums are selects, and choosing "not sent" removes the parameter', async () => {
    const props = $state({ fields, params: [['Region', 'West']] as [string, string][] });
    render(InterfaceParams, props);
    await openGroup();
    const select = screen.getByLabelText(':menu_position') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'top', 'bottom', 'none']);
    await fireEvent.change(select, { target: { value: 'bottom' } });
    expect(props.params).toEqual([['Region', 'West'], [':menu_position', 'bottom']]);
    await fireEvent.change(select, { target: { value: '' } });
    expect(props.params).toEqual([['Region', 'West']]);
  });
  it('codes are check boxes joined by commas', async () => {
    const props = $state({ fields, params: [] as [string, string][] });
    render(InterfaceParams, props);
    await openGroup();
    const boxes = screen.getAllByRole('checkbox');
    await fireEvent.click(boxes[1]);
    await fireEvent.click(boxes[0]);
    expect(props.params).toEqual([['hide_tool', 'fo,dp']]);
  });
});

describe('chips', () => {
  it('Enter and commas add chips; pasted lists split; × removes', async () => {
    const props = $state({ items: [] as (string | number)[], item: 'team', inputId: 'teams', testId: 'teams' });
    render(Chips, props);
    const input = screen.getByTestId('team-input');
    await fireEvent.input(input, { target: { value: 'Sales_Managers' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await fireEvent.input(input, { target: { value: 'A,B' } });
    expect(props.items).toEqual(['Sales_Managers', 'A', 'B']);
    await fireEvent.click(screen.getByLabelText('remove team A'));
    expect(props.items).toEqual(['Sales_Managers', 'B']);
  });
});
