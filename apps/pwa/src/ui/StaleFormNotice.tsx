/**
 * An open form's notice that the dossier changed under it (a pulled copy, another officer's move)
 * and its action no longer applies; what the officer typed stays in the form.
 */
import { Show } from 'solid-js';

export function StaleFormNotice(props: { when: boolean }) {
  return (
    <Show when={props.when}>
      <p class="alert error" role="alert">
        Hồ sơ vừa được cập nhật, thao tác này hiện không thực hiện được. Nội dung đã nhập vẫn được giữ.
      </p>
    </Show>
  );
}
