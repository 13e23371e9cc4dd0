import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { formatFen, parseYuan } from '../../../shared/money';

/**
 * Yuan text in the box, integer fen in the form value; a bad amount leaves the value undefined. One unit
 * in the box (¥); the label may say 元. Inside a Form.Item the item's id ties its label to the box; a box
 * without a visible label (a table cell) takes `aria-label`.
 */
export function MoneyInput(props: { value?: number; onChange?(fen: number | undefined): void; id?: string; disabled?: boolean; 'aria-label'?: string }) {
  const [text, setText] = useState(props.value === undefined ? '' : formatFen(props.value));
  useEffect(() => {
    if (props.value !== undefined && parseYuan(text) !== props.value) setText(formatFen(props.value));
    // follow outside changes of the value only; typing keeps its own text
  }, [props.value]);
  return (
    <Input
      id={props.id}
      aria-label={props['aria-label']}
      disabled={props.disabled}
      prefix="¥"
      style={{ width: 200 }}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange?.(parseYuan(e.target.value) ?? undefined);
      }}
      onBlur={() => {
        const fen = parseYuan(text);
        if (fen !== null) setText(formatFen(fen));
      }}
    />
  );
}
