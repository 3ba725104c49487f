/** A labelled search input inside a search landmark. */
export function SearchBox(props: { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return (
    <form class="field grow search-box" role="search" onSubmit={(e) => e.preventDefault()}>
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type="search" value={props.value} autocomplete="off" onInput={(e) => props.onInput(e.currentTarget.value)} />
    </form>
  );
}
