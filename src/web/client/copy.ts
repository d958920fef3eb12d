// "Copy" buttons: <button data-copy="<id of an input>"> copies that input's value (the calendar feed's link).
export function copyButtons(root: ParentNode): void {
  for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>("button[data-copy]"))) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const input = document.getElementById(button.dataset.copy ?? "") as HTMLInputElement | null;
      if (!input) return;
      input.select();
      const done = () => {
        button.textContent = button.dataset.copied ?? button.textContent;
      };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, () => document.execCommand("copy") && done());
      else if (document.execCommand("copy")) done();
    });
  }
}
