/** A short message at the bottom of the viewport ("Select a passage first"); read out by screen readers. */
export function Toast(props: { text: string }) {
  return (
    <div class="save-toast" role="status" data-testid="save-toast">
      {props.text}
    </div>
  );
}
