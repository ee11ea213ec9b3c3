/**
 * Function file of the ribbon (manifest FunctionFile → commands.html). The only ribbon button uses the
 * ShowTaskpane action, which needs no code here; the file exists so that Office can load the function file.
 * Add-in commands with an ExecuteFunction action would be registered here with Office.actions.associate.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}

export {};
